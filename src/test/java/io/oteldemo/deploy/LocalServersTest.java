package io.oteldemo.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Two ways the local servers once failed a user: the benchmark server refused to start when a
 * documented setting ({@code RATE_LIMIT_STATUS=default}) leaked from the script's environment into
 * the application's, and the integration tests' server was waited for 30 s while its application,
 * under load, took far longer.
 */
class LocalServersTest {

  private static final Path BENCH_SERVER = Path.of("bench/bench-server.sh");
  private static final Pattern SCRIPT_SETTING =
      Pattern.compile("(?m)^(RATE_LIMIT_[A-Z]+)=\\$\\{\\1:-");

  @Test
  void theBenchmarkServerStartsWithoutTheScriptsOwnLimitVariables() {
    String script = ProjectFiles.readString(BENCH_SERVER);
    Matcher setting = SCRIPT_SETTING.matcher(script);
    List<String> leaked = new ArrayList<>();
    List<String> read = new ArrayList<>();
    while (setting.find()) {
      read.add(setting.group(1));
      if (!script.contains("-u " + setting.group(1) + " ")) {
        leaked.add(setting.group(1));
      }
    }
    assertFalse(read.isEmpty(), BENCH_SERVER + " should read the rate limits from the environment");
    assertTrue(
        leaked.isEmpty(),
        BENCH_SERVER
            + " takes "
            + leaked
            + " from its environment, where"
            + " \"default\" is a word of its own, so the server must start without them (env -u)");
  }

  @Test
  void theIntegrationTestsWaitForTheApplicationAsLongAsForTheServer() {
    Element start = PomModel.read().execution("start-server-for-its");
    int server = seconds(start, "serverStartTimeout");
    int application = seconds(start, "verifyTimeout");
    assertTrue(
        application >= server,
        "the integration tests' server waits "
            + server
            + " s for the server but only "
            + application
            + " s for the application to start");
  }

  private static int seconds(Element execution, String setting) {
    NodeList values = execution.getElementsByTagName(setting);
    if (values.getLength() == 0) {
      throw new AssertionError(
          "the execution sets no " + setting + " (the plugin's default is 30 s)");
    }
    return Integer.parseInt(values.item(0).getTextContent().trim());
  }
}
