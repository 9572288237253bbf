package io.oteldemo.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code liberty:run} and {@code liberty:dev} compile without running the lifecycle, so the wrapper
 * runs it up to a phase first. That phase must reach every execution dev mode depends on — the
 * generated gRPC stubs, the development issuer the tests compile against, the redis-server binary
 * its tests start — or dev mode fails to compile the tests, recompiles and redeploys the
 * application right after its first start.
 */
class DevModeLifecycleTest {

  /** Maven's default lifecycle, up to the phases that matter here. */
  private static final List<String> PHASES =
      List.of(
          "validate",
          "initialize",
          "generate-sources",
          "process-sources",
          "generate-resources",
          "process-resources",
          "compile",
          "process-classes",
          "generate-test-sources",
          "process-test-sources",
          "generate-test-resources",
          "process-test-resources",
          "test-compile");

  /** Executions that must have run before the server starts in dev mode. */
  private static final List<String> NEEDED =
      List.of("dev-issuer-for-tests", "redis-server-for-tests", "dev-server-env", "dev-issuer");

  private static final Pattern INSERTED =
      Pattern.compile("liberty:run \\| liberty:dev\\) set -- \"\\$@\" ([a-z-]+) ");

  @Test
  void theWrapperRunsTheLifecycleFarEnoughForDevMode() {
    Matcher inserted = INSERTED.matcher(ProjectFiles.readString(Path.of("mvnw")));
    assertTrue(inserted.find(), "mvnw should run a lifecycle phase before liberty:run/dev");
    int reached = PHASES.indexOf(inserted.group(1));
    assertTrue(reached >= 0, "mvnw runs an unknown phase " + inserted.group(1));
    for (String id : NEEDED) {
      String phase = phaseOf(id);
      assertTrue(
          PHASES.indexOf(phase) >= 0 && PHASES.indexOf(phase) <= reached,
          "execution "
              + id
              + " runs in "
              + phase
              + ", after the "
              + inserted.group(1)
              + " that mvnw runs before liberty:run/dev");
    }
  }

  private static String phaseOf(String executionId) {
    return PomModel.read()
        .execution(executionId)
        .getElementsByTagName("phase")
        .item(0)
        .getTextContent()
        .trim();
  }
}
