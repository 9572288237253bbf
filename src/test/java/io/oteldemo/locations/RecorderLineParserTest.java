package io.oteldemo.locations;

import static io.oteldemo.locations.RecorderFiles.recLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecorderLineParserTest {

  private static final String SAMPLE_LINE =
      "2026-01-25T15:24:54Z\t*                 \t{\"_type\":\"location\",\"tid\":\"st\","
          + "\"lat\":40.736071,\"lon\":-74.039424,\"tst\":1769354694,\"acc\":25,\"batt\":58,"
          + "\"vel\":3,\"alt\":5,\"conn\":\"w\",\"t\":\"p\"}";

  @Test
  void parsesARecorderLocationLine() {
    Optional<LocationRecord> parsed = RecorderLineParser.parse(SAMPLE_LINE, "iphone_stuart");

    assertTrue(parsed.isPresent(), "a well-formed '*' location line should be kept");
    LocationRecord record = parsed.get();
    assertEquals(
        Instant.parse("2026-01-25T15:24:54Z"), record.timestamp(), "timestamp of the line");
    assertEquals("iphone_stuart", record.deviceId(), "device id given by the caller");
    assertEquals(40.736071, record.position().latitude(), 0.0, "lat from the JSON");
    assertEquals(-74.039424, record.position().longitude(), 0.0, "lon from the JSON");
    assertEquals(OptionalInt.of(25), record.accuracy(), "acc from the JSON");
    assertEquals(OptionalInt.of(58), record.battery(), "batt from the JSON");
    assertEquals(OptionalInt.of(3), record.velocity(), "vel from the JSON");
  }

  @Test
  void takesTheTimestampFromTheFirstFieldNotFromTst() {
    String line =
        recLine(
            "2026-01-25T08:00:00Z", "*", "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tst\":0}");
    assertEquals(
        Optional.of(Instant.parse("2026-01-25T08:00:00Z")),
        RecorderLineParser.parse(line, "d").map(LocationRecord::timestamp),
        "the record's time should be the line's ISO timestamp");
  }

  @Test
  void missingOptionalFieldsAreEmpty() {
    String line =
        recLine("2026-01-25T08:00:00Z", "*", "{\"_type\":\"location\",\"lat\":1.5,\"lon\":-2.5}");

    LocationRecord record = RecorderLineParser.parse(line, "d").orElseThrow();

    assertEquals(OptionalInt.empty(), record.accuracy(), "no acc in the JSON -> empty");
    assertEquals(OptionalInt.empty(), record.battery(), "no batt in the JSON -> empty");
    assertEquals(OptionalInt.empty(), record.velocity(), "no vel in the JSON -> empty");
    assertEquals(new GeoPoint(1.5, -2.5), record.position(), "position still parsed");
  }

  @Test
  void optionalFieldsThatAreNotNumbersAreEmpty() {
    String line =
        recLine(
            "2026-01-25T08:00:00Z",
            "*",
            "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"acc\":\"25\",\"batt\":null,"
                + "\"vel\":true}");

    LocationRecord record = RecorderLineParser.parse(line, "d").orElseThrow();

    assertEquals(OptionalInt.empty(), record.accuracy(), "acc given as a string -> empty");
    assertEquals(OptionalInt.empty(), record.battery(), "batt null -> empty");
    assertEquals(OptionalInt.empty(), record.velocity(), "vel boolean -> empty");
  }

  @Test
  void acceptsAnUnpaddedLocationType() {
    String line = "2026-01-25T08:00:00Z\t*\t{\"_type\":\"location\",\"lat\":1,\"lon\":2}";
    assertTrue(
        RecorderLineParser.parse(line, "d").isPresent(),
        "a '*' type without the Recorder's padding is still a location");
  }

  @Test
  void skipsLastWillAndTransitionRecords() {
    String lwt = recLine("2026-01-24T07:41:05Z", "lwt", "{\"_type\":\"lwt\",\"tst\":1769240465}");
    String transition =
        recLine(
            "2026-01-26T12:39:15Z",
            "transition",
            "{\"_type\":\"transition\",\"event\":\"leave\",\"desc\":\"home\","
                + "\"tst\":1769431155,\"lat\":40.736097,\"lon\":-74.039373}");

    assertEquals(Optional.empty(), RecorderLineParser.parse(lwt, "d"), "lwt must be skipped");
    assertEquals(
        Optional.empty(),
        RecorderLineParser.parse(transition, "d"),
        "transition must be skipped even though it has lat/lon");
  }

  @Test
  void skipsAStarRecordWhosePayloadIsNotALocation() {
    String line =
        recLine("2026-01-25T08:00:00Z", "*", "{\"_type\":\"waypoint\",\"lat\":1,\"lon\":2}");
    assertEquals(
        Optional.empty(),
        RecorderLineParser.parse(line, "d"),
        "a '*' line whose _type is not location must be skipped");
  }

  @ParameterizedTest(name = "[{index}] skipped: {0}")
  @ValueSource(
      strings = {
        "",
        "garbage",
        "2026-01-25T08:00:00Z",
        "2026-01-25T08:00:00Z\t*                 ",
        "not-a-time\t*                 \t{\"_type\":\"location\",\"lat\":1,\"lon\":2}",
        "2026-01-25 08:00:00\t*                 \t{\"_type\":\"location\",\"lat\":1,\"lon\":2}",
        "2026-01-25T08:00:00Z\t*                 \t{\"_type\":\"location\",\"lat\":1,",
        "2026-01-25T08:00:00Z\t*                 \tnot json",
        "2026-01-25T08:00:00Z\t*                 \t",
        "2026-01-25T08:00:00Z\t*                 \t[1,2]",
        "2026-01-25T08:00:00Z\t*                 \t{\"_type\":\"location\",\"lon\":2}",
        "2026-01-25T08:00:00Z\t*                 \t{\"_type\":\"location\",\"lat\":1}",
        "2026-01-25T08:00:00Z\t*                 "
            + "\t{\"_type\":\"location\",\"lat\":\"1\",\"lon\":2}",
        "2026-01-25T08:00:00Z\t*                 \t{\"_type\":\"location\",\"lat\":null,\"lon\":2}",
        "2026-01-25T08:00:00Z\t*                 \t{\"_type\":\"location\",\"lat\":91,\"lon\":2}",
        "2026-01-25T08:00:00Z\t*                 "
            + "\t{\"_type\":\"location\",\"lat\":-90.1,\"lon\":2}",
        "2026-01-25T08:00:00Z\t*                 "
            + "\t{\"_type\":\"location\",\"lat\":1,\"lon\":180.5}",
        "2026-01-25T08:00:00Z\t*                 \t{\"_type\":\"location\",\"lat\":1e999,\"lon\":2}"
      })
  void skipsDamagedLines(String line) {
    assertEquals(
        Optional.empty(),
        RecorderLineParser.parse(line, "d"),
        "a damaged or invalid line should be skipped, not parsed: " + line);
  }

  @Test
  void readsTheTrackerIdAndTheAltitude() {
    LocationRecord record = RecorderLineParser.parse(SAMPLE_LINE, "iphone_stuart").orElseThrow();
    assertEquals(Optional.of("st"), record.tid(), "tid from the JSON");
    assertEquals(OptionalDouble.of(5), record.altitude(), "alt from the JSON");
  }

  @Test
  void aMissingOrMistypedTrackerIdOrAltitudeIsEmpty() {
    String line =
        recLine(
            "2026-01-25T08:00:00Z",
            "*",
            "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"tid\":7,\"alt\":\"5\"}");
    LocationRecord record = RecorderLineParser.parse(line, "d").orElseThrow();
    assertEquals(Optional.empty(), record.tid(), "tid given as a number -> empty");
    assertEquals(OptionalDouble.empty(), record.altitude(), "alt given as a string -> empty");
  }

  @Test
  void theIdIsTheLinesAndTheDevicesAndFitsAJavaScriptNumber() {
    long id = RecorderLineParser.parse(SAMPLE_LINE, "iphone_stuart").orElseThrow().id();

    assertEquals(
        id,
        RecorderLineParser.parse(SAMPLE_LINE, "iphone_stuart").orElseThrow().id(),
        "the same line of the same device, the same id");
    assertNotEquals(
        id,
        RecorderLineParser.parse(SAMPLE_LINE, "ipad_stuart").orElseThrow().id(),
        "the same line of another device, another id");
    assertNotEquals(
        id,
        RecorderLineParser.parse(SAMPLE_LINE.replace("\"batt\":58", "\"batt\":57"), "iphone_stuart")
            .orElseThrow()
            .id(),
        "another line, another id");
    assertTrue(id >= 0 && id < (1L << 53), () -> "0 <= id < 2^53: " + id);
  }

  @Test
  void theIdIsTheFirst53BitsOfTheDigestOfDeviceAndLine() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(("iphone_stuart\n" + SAMPLE_LINE).getBytes(StandardCharsets.UTF_8));
    long expected = 0;
    for (int i = 0; i < 8; i++) {
      expected = (expected << 8) | (digest[i] & 0xff);
    }
    assertEquals(expected >>> 11, RecorderLineParser.idOf("iphone_stuart", SAMPLE_LINE));
  }
}
