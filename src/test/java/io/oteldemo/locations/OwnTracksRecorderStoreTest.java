package io.oteldemo.locations;

import static io.oteldemo.locations.RecorderFiles.locationLine;
import static io.oteldemo.locations.RecorderFiles.recLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnTracksRecorderStoreTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);

  private static final GeoPoint HOME = RecorderFiles.SAMPLE_HOME;

  private RecorderFiles fixture;

  private OwnTracksRecorderStore store;

  @BeforeEach
  void buildStore(@TempDir Path root) throws IOException {
    fixture = new RecorderFiles(root);
    // alice/phone_a: the day before, the day itself (lines out of order), the day after, plus
    // records that are not locations and a damaged, truncated last line.
    fixture.write(
        "alice/phone_a/2026-01",
        locationLine("2026-01-24T23:59:59Z", 40.0, -74.0, 10, 90, 0),
        locationLine("2026-01-25T12:00:00Z", 40.2, -74.2, 12, 80, 5),
        locationLine("2026-01-25T00:00:00Z", 40.1, -74.1, 11, 85, 0),
        recLine("2026-01-25T07:00:00Z", "lwt", "{\"_type\":\"lwt\",\"tst\":1769324400}"),
        "this line is garbage",
        locationLine("2026-01-25T23:59:59Z", 40.3, -74.3, 13, 70, 0),
        locationLine("2026-01-26T00:00:00Z", 40.4, -74.4, 14, 60, 0),
        "2026-01-25T23:59:59Z\t*                 \t{\"_type\":\"location\",\"lat\":40.7");
    // alice/tablet_a: shares a timestamp with phone_a; no optional fields.
    fixture.write(
        "alice/tablet_a/2026-01",
        recLine("2026-01-25T12:00:00Z", "*", "{\"_type\":\"location\",\"lat\":41.0,\"lon\":-73.0}"),
        locationLine("2026-01-25T06:00:00Z", 41.1, -73.1, 20, 50, 1));
    // bob/phone_b: one record on the day, one at the end of the month, one in February.
    fixture.write(
        "bob/phone_b/2026-01",
        locationLine("2026-01-25T03:00:00Z", 42.0, -72.0, 30, 40, 2),
        locationLine("2026-01-31T23:30:00Z", 42.1, -72.1, 31, 39, 0));
    fixture.write(
        "bob/phone_b/2026-02", locationLine("2026-02-01T00:30:00Z", 42.2, -72.2, 32, 38, 0));
    // Stray files are not users or devices.
    Path rec = fixture.root().resolve("rec");
    Files.writeString(rec.resolve("README"), "not a user");
    Files.writeString(rec.resolve("bob").resolve("notes.txt"), "not a device");
    store = fixture.reader();
  }

  private static List<String> times(List<LocationRecord> records) {
    return records.stream().map(r -> r.timestamp().toString()).toList();
  }

  private static List<String> devices(List<LocationRecord> records) {
    return records.stream().map(LocationRecord::deviceId).toList();
  }

  @Test
  void oneDeviceGetsOnlyItsRecordsOfThatUtcDayInTimeOrder() {
    List<LocationRecord> records = store.locations(DAY, Optional.of("phone_a"));

    assertEquals(
        List.of("2026-01-25T00:00:00Z", "2026-01-25T12:00:00Z", "2026-01-25T23:59:59Z"),
        times(records),
        "phone_a on 2026-01-25: midnight to 23:59:59 UTC, sorted, without the days around it, "
            + "the lwt, the garbage and the truncated line");
    assertEquals(List.of("phone_a", "phone_a", "phone_a"), devices(records), "device ids");
    LocationRecord noon = records.get(1);
    assertEquals(new GeoPoint(40.2, -74.2), noon.position(), "position of the noon record");
    assertEquals(OptionalInt.of(12), noon.accuracy(), "acc of the noon record");
    assertEquals(OptionalInt.of(80), noon.battery(), "batt of the noon record");
    assertEquals(OptionalInt.of(5), noon.velocity(), "vel of the noon record");
  }

  @Test
  void allDevicesOfAllUsersAreMergedInTimeOrderWithTiesByDevice() {
    List<LocationRecord> records = store.locations(DAY, Optional.empty());

    assertEquals(
        List.of(
            "2026-01-25T00:00:00Z",
            "2026-01-25T03:00:00Z",
            "2026-01-25T06:00:00Z",
            "2026-01-25T12:00:00Z",
            "2026-01-25T12:00:00Z",
            "2026-01-25T23:59:59Z"),
        times(records),
        "every device's records of the day, merged by time");
    assertEquals(
        List.of("phone_a", "phone_b", "tablet_a", "phone_a", "tablet_a", "phone_a"),
        devices(records),
        "device ids in merged order (same instant: ordered by device id)");
  }

  @Test
  void deviceIdIsTheDeviceFolderNotTheUserFolder() {
    assertEquals(
        List.of("2026-01-25T03:00:00Z"),
        times(store.locations(DAY, Optional.of("phone_b"))),
        "device phone_b (user bob) has one record that day");
    assertEquals(
        List.of(),
        store.locations(DAY, Optional.of("bob")),
        "a user folder name is not a device id");
  }

  @Test
  void recordWithoutOptionalFieldsComesBackWithEmptyOptionals() {
    LocationRecord noon = store.locations(DAY, Optional.of("tablet_a")).get(1);

    assertEquals(Instant.parse("2026-01-25T12:00:00Z"), noon.timestamp(), "tablet_a noon");
    assertEquals(OptionalInt.empty(), noon.accuracy(), "no acc");
    assertEquals(OptionalInt.empty(), noon.battery(), "no batt");
    assertEquals(OptionalInt.empty(), noon.velocity(), "no vel");
  }

  @Test
  void readsTheMonthFileOfTheRequestedDay() {
    assertEquals(
        List.of("2026-01-31T23:30:00Z"),
        times(store.locations(LocalDate.of(2026, 1, 31), Optional.empty())),
        "31 January comes from 2026-01.rec");
    assertEquals(
        List.of("2026-02-01T00:30:00Z"),
        times(store.locations(LocalDate.of(2026, 2, 1), Optional.empty())),
        "1 February comes from 2026-02.rec");
  }

  @Test
  void dayBeforeAndAfterAreSeparateDays() {
    assertEquals(
        List.of("2026-01-24T23:59:59Z"),
        times(store.locations(LocalDate.of(2026, 1, 24), Optional.of("phone_a"))),
        "the record one second before midnight belongs to the 24th");
    assertEquals(
        List.of("2026-01-26T00:00:00Z"),
        times(store.locations(LocalDate.of(2026, 1, 26), Optional.of("phone_a"))),
        "the record at midnight belongs to the 26th");
  }

  @Test
  void unknownDeviceOrDayWithoutDataOrMissingMonthIsEmpty() {
    assertEquals(List.of(), store.locations(DAY, Optional.of("ghost")), "unknown device");
    assertEquals(
        List.of(),
        store.locations(LocalDate.of(2026, 1, 20), Optional.empty()),
        "day without data");
    assertEquals(
        List.of(), store.locations(LocalDate.of(2025, 12, 25), Optional.empty()), "no month file");
  }

  @Test
  void missingStoreIsEmpty(@TempDir Path emptyDir) {
    assertEquals(
        List.of(),
        new OwnTracksRecorderStore(emptyDir.resolve("does-not-exist"))
            .locations(DAY, Optional.empty()),
        "a store folder that does not exist has no locations");
    assertEquals(
        List.of(),
        new OwnTracksRecorderStore(emptyDir).locations(DAY, Optional.empty()),
        "a store folder without rec/ has no locations");
  }

  @Test
  void readsTheMonthFileAsUtf8() throws IOException {
    Path file =
        fixture.write(
            "zoe/telephone/2026-01",
            recLine(
                "2026-01-25T09:00:00Z",
                "*",
                "{\"_type\":\"location\",\"lat\":1,\"lon\":2,\"desc\":\"Café ☕\"}"));
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("☕"), "fixture is UTF-8");

    assertEquals(
        List.of("2026-01-25T09:00:00Z"),
        times(store.locations(DAY, Optional.of("telephone"))),
        "a payload with non-ASCII characters is read");
  }

  /** The shipped synthetic store; figures computed independently when the data was generated. */
  @Test
  void sampleStoreIphoneStuartOn25January() {
    OwnTracksRecorderStore sample = new OwnTracksRecorderStore(Path.of("sample-data/owntracks"));

    List<LocationRecord> records = sample.locations(DAY, Optional.of("iphone_stuart"));

    assertEquals(78, records.size(), "iphone_stuart has 78 locations on 2026-01-25");
    double sum = 0;
    double max = 0;
    for (LocationRecord record : records) {
      double distance = HOME.distanceKmTo(record.position());
      sum += distance;
      max = Math.max(max, distance);
    }
    assertEquals(2318.672056, sum, 1e-5, "sum of distances from home");
    assertEquals(58.346635, max, 1e-5, "largest distance from home");
    for (int i = 1; i < records.size(); i++) {
      assertTrue(
          !records.get(i).timestamp().isBefore(records.get(i - 1).timestamp()),
          "records should be in time order at index " + i);
    }
  }

  @Test
  void sampleStoreCountsPerDayAndDevice() {
    OwnTracksRecorderStore sample = new OwnTracksRecorderStore(Path.of("sample-data/owntracks"));

    assertEquals(
        75,
        sample.locations(LocalDate.of(2026, 1, 24), Optional.of("iphone_stuart")).size(),
        "iphone_stuart on 2026-01-24: 75 locations (its lwt record is skipped)");
    assertEquals(
        67,
        sample.locations(LocalDate.of(2026, 1, 26), Optional.of("iphone_stuart")).size(),
        "iphone_stuart on 2026-01-26: 67 locations (its transition record is skipped)");
    assertEquals(
        78 + 10 + 23,
        sample.locations(DAY, Optional.empty()).size(),
        "all devices on 2026-01-25: iphone_stuart 78 + ipad_stuart 10 + pixel_alex 23");
    assertEquals(
        List.of(),
        sample.locations(LocalDate.of(2026, 1, 27), Optional.empty()),
        "nothing on or after 2026-01-27");
  }
}
