package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The packaged WAR must never trust, or even contain, the local development issuer. */
public class PackagedWarIT {

  private static final List<String> DEV_MARKERS =
      List.of(
          "local_devpool",
          "cognito-idp.local.otel-demo.dev",
          "oteldemolocalclient",
          "BEGIN PRIVATE KEY");

  @Test
  void warHoldsNoDevelopmentKeyIssuerOrSetting() throws IOException {
    Path war = Path.of(System.getProperty("it.war"));
    assertTrue(Files.isRegularFile(war), "the WAR was packaged: " + war);
    List<String> findings = new ArrayList<>();
    try (ZipFile zip = new ZipFile(war.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.contains("dev-issuer")
            || name.contains("devissuer")
            || name.endsWith("private-key.der")
            || name.endsWith("jwks.json")) {
          findings.add(name);
        }
        if (!entry.isDirectory() && !name.endsWith(".jar")) {
          String text =
              new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
          DEV_MARKERS.stream()
              .filter(text::contains)
              .forEach(marker -> findings.add(name + " mentions " + marker));
        }
      }
    }
    assertFalse(!findings.isEmpty(), () -> "development issuer material in the WAR: " + findings);
  }
}
