package io.oteldemo.it.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Liberty server of the build's runtime, made the way the container image makes one: the
 * project's {@code liberty/server.xml} and the WAR, nothing else from the build, and every setting
 * from the environment ({@code server.env}) or JVM options, as a deployment gives them.
 */
final class LibertyServer {

  private static final long COMMAND_TIMEOUT_SECONDS = 180;

  private final Path wlp;
  private final Path userDirectory;
  private final String name;
  private final Path directory;

  /**
   * A server of the runtime in {@code wlp}, in a user directory of its own beside it: the
   * installation's own ({@code wlp/usr}) holds the developer defaults in its shared server.env,
   * which a server made as a deployment makes one must never see.
   */
  LibertyServer(Path wlp, String name) {
    this.wlp = wlp;
    this.name = name;
    this.userDirectory = wlp.resolveSibling("usr-" + name);
    this.directory = userDirectory.resolve("servers").resolve(name);
  }

  /**
   * Creates the server afresh (its generated keystore password kept in server.env), with the
   * project's server.xml, the WAR, the environment and the JVM options.
   */
  void create(
      Path serverXml,
      Path war,
      Map<String, String> environment,
      Map<String, String> bootstrap,
      List<String> jvmOptions) {
    deleteRecursively(directory);
    try {
      Files.createDirectories(userDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make " + userDirectory, e);
    }
    run("create");
    try {
      Files.copy(serverXml, directory.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
      Files.createDirectories(directory.resolve("apps"));
      Files.copy(war, directory.resolve("apps/otel-demo.war"), StandardCopyOption.REPLACE_EXISTING);
      // After what `server create` wrote (the keystore password), which ends without a newline.
      Files.writeString(
          directory.resolve("server.env"),
          "\n" + String.join("\n", lines(environment)) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      Files.write(
          directory.resolve("bootstrap.properties"), lines(bootstrap), StandardCharsets.UTF_8);
      Files.write(directory.resolve("jvm.options"), jvmOptions, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the server " + name, e);
    }
  }

  /** Copies a file into the created server's folder, e.g. a JDBC driver into {@code jdbc/}. */
  void addFile(Path source, String target) {
    try {
      Path destination = directory.resolve(target);
      Files.createDirectories(destination.getParent());
      Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot add " + source + " to the server " + name, e);
    }
  }

  void start() {
    run("start");
  }

  void stop() {
    run("stop");
  }

  /** The server's messages.log as it is now. */
  List<String> messages() {
    try {
      return Files.readAllLines(directory.resolve("logs/messages.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Map<String, String> settings) {
    List<String> lines = new ArrayList<>();
    settings.forEach((key, value) -> lines.add(key + "=" + value));
    return lines;
  }

  private void run(String action) {
    Path script = wlp.resolve("bin/server");
    ProcessBuilder command =
        new ProcessBuilder(script.toString(), action, name)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    userDirectory.resolve(name + "-commands.log").toFile()));
    command.environment().put("JAVA_HOME", System.getProperty("java.home"));
    command.environment().put("WLP_USER_DIR", userDirectory.toString());
    try {
      Process process = command.start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("server " + action + " " + name + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "server "
                + action
                + " "
                + name
                + " exited with "
                + process.exitValue()
                + "; see "
                + name
                + "-commands.log and its logs/");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + root, e);
    }
  }
}
