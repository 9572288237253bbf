package io.oteldemo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

  /**
   * Makes the server write a line of its own and waits until messages.log holds it, so that what
   * the requests before caused is written too: an absence can be checked after this without
   * guessing how long the server takes to write. The line is Liberty's SRVE0190E for a file that is
   * not there, asked for on the management port (Liberty's own web modules live there; the
   * application's port would answer our JSON 404 and log nothing). Returns the marker, which the
   * lines Liberty writes for it (SRVE0190E, an FFDC incident) name.
   */
  public static String awaitMarker() {
    String marker = "log-marker-" + UUID.randomUUID();
    ApiClient.Answer answer = ApiClient.management().get("/health/" + marker);
    if (answer.status() != 404) {
      throw new AssertionError("the marker request should be a 404: " + answer);
    }
    Instant deadline = Instant.now().plusSeconds(10);
    while (messages().stream().noneMatch(line -> line.contains(marker))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("messages.log did not show the marker " + marker + " in 10 s");
      }
      pause(50);
    }
    return marker;
  }

  /** Gives the logging thread time to write what the requests before caused. */
  public static void settle() {
    pause(1500);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
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
