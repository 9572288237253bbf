package io.oteldemo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The developer defaults are defaults: a setting exported in the shell reaches the local server
 * ({@code CORS_ALLOWED_ORIGINS=… ./mvnw liberty:run}), and nothing given once stays behind. The
 * file is read here the way Liberty's server script reads it, by the shell.
 */
class DevServerEnvTest {

  /** Where the build copies the file: every server of the installation reads it at start. */
  private static final Path INSTALLED = Path.of("target/liberty/wlp/usr/shared/server.env");

  @Test
  void theServerScriptExpandsTheFile() {
    assertEquals(
        DevServerEnv.EXPANSION_LINE,
        DevServerEnv.read().lines().get(0),
        DevServerEnv.LOCATION
            + " must start with the line that makes Liberty source it with the"
            + " shell; without it every value is taken literally and the environment loses");
  }

  @Test
  void everySettingIsADefaultTheEnvironmentOverrides() {
    Map<String, String> defaults = DevServerEnv.read().defaults();
    assertTrue(
        defaults.containsKey("DISTANCE_SERVICE_ENDPOINT")
            && defaults.containsKey("CORS_ALLOWED_ORIGINS"),
        "the developer defaults should include the worker and the CORS origins: " + defaults);
  }

  @Test
  void theInstalledFileYieldsTheDefaultsWhenTheEnvironmentIsSilent() throws Exception {
    Map<String, String> defaults = DevServerEnv.read().defaults();
    for (Map.Entry<String, String> setting : defaults.entrySet()) {
      assertEquals(
          inProjectFolder(setting.getValue()),
          sourced(setting.getKey(), null),
          setting.getKey() + " from " + INSTALLED + " without that variable in the environment");
    }
  }

  @Test
  void theEnvironmentWinsOverEveryDefault() throws Exception {
    for (String name : DevServerEnv.read().defaults().keySet()) {
      String exported = "http://127.0.0.1:4173/" + name.toLowerCase();
      assertEquals(
          exported,
          sourced(name, exported),
          name + " exported in the shell must reach the server, not the developer default");
    }
  }

  @Test
  void noPomReferenceIsLeftUnresolvedInTheInstalledFile() throws IOException {
    assertFalse(
        Files.readString(INSTALLED).contains("@"),
        INSTALLED + " should have every @property@ replaced by the build");
  }

  /**
   * The build writes paths absolute where {@link PomModel} resolves the project folder as {@code
   * ./} and the build folder as {@code target/}.
   */
  private static String inProjectFolder(String value) {
    return value.replaceAll(
        "(^|:)(\\./|(?=target/))",
        "$1" + Matcher.quoteReplacement(Path.of("").toAbsolutePath() + "/"));
  }

  /** The variable's value after sourcing the installed file, as the server script does. */
  private static String sourced(String name, String exported) throws Exception {
    ProcessBuilder shell =
        new ProcessBuilder(
            "/bin/sh",
            "-c",
            ". \"$1\" && printf '%s' \"$" + name + "\"",
            "sh",
            INSTALLED.toString());
    shell.environment().remove(name);
    if (exported != null) {
      shell.environment().put(name, exported);
    }
    Process process = shell.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the shell did not finish");
    assertEquals(0, process.exitValue(), "sourcing " + INSTALLED + " failed: " + output);
    return output;
  }
}
