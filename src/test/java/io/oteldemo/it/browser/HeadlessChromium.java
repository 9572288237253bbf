package io.oteldemo.it.browser;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The system's Chromium, driven headless by {@code src/test/browser/drive-page.cjs}
 * (playwright-core, pinned in that folder's package-lock.json). It needs Chromium, Node 18+ and
 * npm; playwright-core is installed into {@code target/browser} on first use. When something is
 * missing the browser tests are skipped with what to install, except when {@code CI=true}, where
 * they fail: CI must never pass without having run them ({@link #whyNotHere()}).
 */
final class HeadlessChromium {

  private static final Path SOURCES = Path.of(System.getProperty("it.browser.sources"));
  private static final Path WORK = Path.of(System.getProperty("it.browser.dir"));
  private static final Path CHROMIUM = Path.of(System.getProperty("it.chromium.path"));
  private static final Path PLAYWRIGHT =
      WORK.resolve("node_modules").resolve("playwright-core").resolve("package.json");
  private static final int NODE_MAJOR_MIN = 18;
  private static final long RUN_TIMEOUT_SECONDS = 180;
  private static final String WHAT_TO_INSTALL =
      "Chromium at %s (Debian: apt-get install chromium; another path: -Dit.chromium.path=…)"
          + " and Node %d+ with npm (the test installs playwright-core itself)";

  HeadlessChromium() {}

  /**
   * Why the browser cannot run on this machine, with what to install; empty when it can (after
   * installing playwright-core if needed). Under {@code CI=true} a missing piece fails instead.
   */
  static Optional<String> whyNotHere() {
    Optional<String> skipped =
        missing()
            .map(
                what ->
                    "The browser test cannot run here: "
                        + what
                        + ". It needs "
                        + WHAT_TO_INSTALL.formatted(CHROMIUM, NODE_MAJOR_MIN));
    if (skipped.isPresent() && "true".equals(System.getenv("CI"))) {
      fail(skipped.get() + " (CI=true: the browser test must run)");
    }
    return skipped;
  }

  /**
   * Opens {@code page} in a fresh profile and runs its otel-ui calls against {@code apiBase} with
   * {@code token}; answers the driver's report. The token reaches the driver in its environment,
   * never on a command line or in a message.
   */
  JsonObject run(URI page, URI apiBase, String token) {
    Path profile = freshProfile();
    Path stderr = WORK.resolve("drive-page.log");
    ProcessBuilder driver =
        new ProcessBuilder("node", SOURCES.resolve("drive-page.cjs").toString())
            .redirectError(stderr.toFile());
    Map<String, String> env = driver.environment();
    env.put("NODE_PATH", WORK.resolve("node_modules").toString());
    env.put("PAGE_URL", page.toString());
    env.put("API_BASE_URL", apiBase.toString().replaceAll("/+$", ""));
    env.put("API_TOKEN", token);
    env.put("CHROMIUM_PATH", CHROMIUM.toString());
    env.put("USER_DATA_DIR", profile.toString());
    Finished finished;
    try {
      finished = runToEnd(driver);
    } finally {
      deleteTree(profile);
    }
    if (finished.exitCode() != 0) {
      throw new AssertionError(
          "The browser driver failed (exit "
              + finished.exitCode()
              + "): "
              + redacted(read(stderr), token)
              + redacted(finished.stdout(), token));
    }
    return parse(finished.stdout(), token);
  }

  private static Optional<String> missing() {
    if (!Files.isExecutable(CHROMIUM)) {
      return Optional.of("no Chromium at " + CHROMIUM);
    }
    Optional<String> node = nodeProblem();
    if (node.isPresent()) {
      return node;
    }
    return Files.exists(PLAYWRIGHT) ? Optional.empty() : install();
  }

  private static Optional<String> nodeProblem() {
    Optional<Finished> version = tryRun(new ProcessBuilder("node", "--version"));
    if (version.isEmpty() || version.get().exitCode() != 0) {
      return Optional.of("no node on PATH");
    }
    Matcher major = Pattern.compile("v(\\d+)\\.").matcher(version.get().stdout());
    if (!major.lookingAt() || Integer.parseInt(major.group(1)) < NODE_MAJOR_MIN) {
      return Optional.of("node " + version.get().stdout().strip() + " is too old");
    }
    return Optional.empty();
  }

  /** playwright-core from the lock file, by the same script CI runs before the build. */
  private static Optional<String> install() {
    Path log = WORK.resolve("install.log");
    createDirectories(WORK);
    ProcessBuilder install =
        new ProcessBuilder("bash", SOURCES.resolve("install.sh").toString(), WORK.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Optional<Finished> installed = tryRun(install);
    if (installed.isEmpty() || installed.get().exitCode() != 0 || !Files.exists(PLAYWRIGHT)) {
      return Optional.of(
          "playwright-core could not be installed with npm (bash "
              + SOURCES.resolve("install.sh")
              + "; its output: "
              + log
              + ")");
    }
    return Optional.empty();
  }

  private static Path freshProfile() {
    createDirectories(WORK);
    try {
      return Files.createTempDirectory(WORK, "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject parse(String stdout, String token) {
    List<String> lines = stdout.lines().filter(line -> !line.isBlank()).toList();
    String report = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    try (JsonReader reader = Json.createReader(new StringReader(report))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new AssertionError(
          "The browser driver printed no JSON report: " + redacted(stdout, token), e);
    }
  }

  private static Optional<Finished> tryRun(ProcessBuilder command) {
    try {
      return Optional.of(runToEnd(command));
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Runs a command to its end, its output into a file (so nothing blocks on a full pipe). */
  private static Finished runToEnd(ProcessBuilder command) {
    createDirectories(WORK);
    Path stdout = temporaryFile();
    if (command.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
      command.redirectOutput(stdout.toFile());
    }
    command.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process process;
    try {
      process = command.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        stop(process);
        throw new AssertionError(
            command.command().get(0) + " did not finish within " + RUN_TIMEOUT_SECONDS + " s");
      }
      return new Finished(process.exitValue(), read(stdout));
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    } finally {
      delete(stdout);
    }
  }

  /** The driver and the Chromium processes it started, before their profile is deleted. */
  private static void stop(Process process) {
    List<ProcessHandle> processes =
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    processes.forEach(ProcessHandle::destroyForcibly);
    processes.forEach(handle -> handle.onExit().join());
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile(WORK, "output-", ".txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(HeadlessChromium::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createDirectories(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String redacted(String text, String token) {
    return text.replace(token, "<token>");
  }

  private record Finished(int exitCode, String stdout) {}
}
