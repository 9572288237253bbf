package io.oteldemo.locations;

import static io.oteldemo.locations.RecorderFiles.locationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged store content that must be skipped line by line, never fail a whole day. */
class DamagedRecorderInputTest {

  private static final String PREFIX = "2026-01-25T08:00:00Z\t*                 \t";

  @Test
  void storeSkipsALineWithInvalidUtf8(@TempDir Path root) throws IOException {
    RecorderFiles fixture = new RecorderFiles(root);
    Path dir = Files.createDirectories(fixture.root().resolve("rec/u/phone"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        (locationLine("2026-01-25T08:00:00Z", 40.7, -74.0, 1, 2, 3) + "\n")
            .getBytes(StandardCharsets.UTF_8));
    // A line cut in the middle of a multi-byte character ("é" = C3 A9), as after a crash.
    bytes.writeBytes(
        (PREFIX + "{\"_type\":\"location\",\"lat\":40.7,\"lon\":-74.0,\"desc\":\"caf")
            .getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3);
    bytes.write('\n');
    bytes.writeBytes(
        (locationLine("2026-01-25T09:00:00Z", 40.8, -74.1, 1, 2, 3) + "\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("2026-01.rec"), bytes.toByteArray());

    assertEquals(
        2,
        fixture.reader().locations(LocalDate.of(2026, 1, 25), Optional.empty()).size(),
        "the damaged line should be skipped and the 2 good lines kept");
  }

  @Test
  void parserSkipsANumberTooLongForTheJsonParser() {
    String line = PREFIX + "{\"_type\":\"location\",\"lat\":" + "4".repeat(2000) + ",\"lon\":1}";
    assertEquals(Optional.empty(), RecorderLineParser.parse(line, "d"), "damaged line skipped");
  }

  @Test
  void parserSkipsATooDeeplyNestedPayload() {
    String line =
        PREFIX + "{\"lat\":1,\"lon\":2,\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
    assertEquals(Optional.empty(), RecorderLineParser.parse(line, "d"), "damaged line skipped");
  }

  @Test
  void optionalFieldOutsideTheIntRangeIsEmptyNotMinusOne() {
    String line = PREFIX + "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"acc\":1e20}";
    assertEquals(
        OptionalInt.empty(),
        RecorderLineParser.parse(line, "d").orElseThrow().accuracy(),
        "acc 1e20 cannot be an int; it must not become -1");
  }
}
