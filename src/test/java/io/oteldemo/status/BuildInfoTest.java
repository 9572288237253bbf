package io.oteldemo.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.deploy.PomModel;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The build stamp: what the build filled in is read as it is; a stamp the build did not fill in (a
 * Maven placeholder left over), a missing key or a malformed date stops the start, naming it.
 */
class BuildInfoTest {

  @Test
  void theStampInTheBuildsOutputCarriesThePomsVersionAndAUtcTime() {
    BuildInfo build = BuildInfo.read();

    assertEquals(PomModel.read().version(), build.version());
    assertTrue(!build.buildNumber().isBlank(), () -> "a build number: " + build);
    assertEquals(
        build.buildDate(),
        Instant.parse(build.buildDate()).toString(),
        "an ISO-8601 UTC time in seconds, as the image's created label");
  }

  @Test
  void aFilledStampIsReadAsItIs() {
    assertEquals(
        new BuildInfo("1.2.0", "142", "2026-12-06T09:30:00Z"),
        BuildInfo.of(stamp("1.2.0", "142", "2026-12-06T09:30:00Z")));
  }

  @Test
  void aPlaceholderTheBuildDidNotFillStopsTheStartNamingIt() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> BuildInfo.of(stamp("1.2.0", "${build.number}", "2026-12-06T09:30:00Z")));
    assertTrue(e.getMessage().contains("build.number"), e::getMessage);
  }

  @Test
  void aMalformedOrMissingDateStopsTheStartNamingIt() {
    for (String date : new String[] {"06.12.2026", "2026-12-06", ""}) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> BuildInfo.of(stamp("1.2.0", "142", date)));
      assertTrue(e.getMessage().contains("build.date"), e::getMessage);
    }
  }

  private static Properties stamp(String version, String number, String date) {
    Properties properties = new Properties();
    properties.setProperty("version", version);
    properties.setProperty("build.number", number);
    properties.setProperty("build.date", date);
    return properties;
  }
}
