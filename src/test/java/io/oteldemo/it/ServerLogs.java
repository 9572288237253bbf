package io.oteldemo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log folder of the server under test (messages.log, console.log, ffdc/…), read as the operator
 * would, to check what the server writes.
 */
public final class ServerLogs {

  private static final Path LOGS = Path.of(System.getProperty("it.server.logs", "target/logs"));

  private ServerLogs() {}

  /** Every file under logs/, FFDC incidents included, with its text. */
  public static List<LogFile> all() {
    try (Stream<Path> files = Files.walk(LOGS)) {
      return files.filter(Files::isRegularFile).map(ServerLogs::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of messages.log so far. */
  public static List<String> messages() {
    try {
      return Files.readAllLines(LOGS.resolve("messages.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives the logging thread time to write what the requests before caused. */
  public static void settle() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static LogFile read(Path file) {
    try {
      return new LogFile(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record LogFile(Path path, String text) {}
}
