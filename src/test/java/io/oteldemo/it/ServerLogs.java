package io.oteldemo.it;

import io.oteldemo.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The log folder of the server under test (messages.log, console.log, ffdc/…), read as the operator
 * would, to check what the server writes.
 */
public final class ServerLogs {

  private static final Path LOGS = Path.of(System.getProperty("it.server.logs", "target/logs"));

  private static final String CONFIGURATION_UPDATED = "CWWKG0017I";
  private static final String NOT_UPDATED = "CWWKG0018I";
  private static final List<String> MARK_MESSAGES =
      List.of("CWWKG0016I", "CWWKG0093A", CONFIGURATION_UPDATED, NOT_UPDATED);
  private static final Duration MARK_TIMEOUT = Duration.ofSeconds(60);

  private ServerLogs() {}

  /** Every file under logs/, FFDC incidents included, with its text. */
  public static List<LogFile> all() {
    try (Stream<Path> files = Files.walk(LOGS)) {
      return files.filter(Files::isRegularFile).map(ServerLogs::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the FFDC incident files so far. */
  public static Set<String> incidents() {
    Path ffdc = LOGS.resolve("ffdc");
    if (!Files.isDirectory(ffdc)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(ffdc)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith("ffdc_"))
          .collect(Collectors.toSet());
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
    Await.until(
        () -> messages().stream().anyMatch(line -> line.contains(marker)),
        Duration.ofSeconds(10),
        "messages.log did not show the marker " + marker);
    return marker;
  }

  /**
   * The lines the server wrote to messages.log after its first {@code before} lines, once it has
   * written everything the requests sent until now caused. Rather than waiting a while and hoping
   * the server is done, this leaves a mark in the log behind them: it changes a configuration
   * drop-in of the server's (a variable nothing reads), and Liberty logs each configuration update
   * (CWWKG0016I … CWWKG0017I) through the same log as everything else. Requests answered before the
   * change (read to the end of a {@code Connection: close} answer, so the server has finished them)
   * logged before it. The mark's own lines are not returned.
   */
  public static List<String> linesAfter(int before) {
    int from = Math.max(before, messages().size());
    writeMark();
    List<String> lines =
        Await.value(ServerLogs::messages, read -> updateAt(read, from) >= 0, MARK_TIMEOUT);
    int update = updateAt(lines, from);
    if (update < 0) {
      throw new AssertionError(
          "the server did not log its configuration update within " + MARK_TIMEOUT);
    }
    return withoutMark(lines.subList(before, update + 1));
  }

  /** The index of the first line from {@code from} on that ends a configuration update, or -1. */
  private static int updateAt(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(CONFIGURATION_UPDATED) || lines.get(i).contains(NOT_UPDATED)) {
        return i;
      }
    }
    return -1;
  }

  private static void writeMark() {
    Path dropins = LOGS.toAbsolutePath().getParent().resolve("configDropins").resolve("overrides");
    try {
      Files.createDirectories(dropins);
      Files.writeString(
          dropins.resolve("it-log-mark.xml"),
          "<server><variable name=\"it.log.mark\" value=\"" + UUID.randomUUID() + "\"/></server>\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of a configuration update (start, the drop-in read, end). */
  private static List<String> withoutMark(List<String> lines) {
    return lines.stream().filter(line -> MARK_MESSAGES.stream().noneMatch(line::contains)).toList();
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
