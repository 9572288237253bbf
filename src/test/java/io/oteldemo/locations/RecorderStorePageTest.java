package io.oteldemo.locations;

import static io.oteldemo.locations.RecorderFiles.locationLine;
import static io.oteldemo.locations.RecorderFiles.recLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.deviceaccess.DeviceScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page of the Recorder store: which records, in which order, and how many in all. */
class RecorderStorePageTest {

  private RecorderFiles files;
  private OwnTracksRecorderStore store;

  @BeforeEach
  void buildStore(@TempDir Path root) throws IOException {
    files = new RecorderFiles(root);
    // phone_a over two months, with a record that lacks every optional field and a line that is
    // not a location; phone_b with the same battery as one of phone_a's; tablet_c of another user.
    files.write(
        "alice/phone_a/2026-01",
        locationLine("2026-01-25T10:00:00Z", 40.1, -74.1, 10, 80, 5),
        recLine("2026-01-25T11:00:00Z", "*", "{\"_type\":\"location\",\"lat\":40.2,\"lon\":-74.2}"),
        recLine("2026-01-25T11:30:00Z", "lwt", "{\"_type\":\"lwt\"}"),
        locationLine("2026-01-31T23:00:00Z", 40.3, -74.3, 30, 60, 0));
    files.write(
        "alice/phone_a/2026-02", locationLine("2026-02-01T08:00:00Z", 40.4, -74.4, 40, 50, 9));
    files.write(
        "alice/phone_b/2026-01", locationLine("2026-01-25T09:00:00Z", 41.0, -73.0, 20, 80, 1));
    files.write(
        "bob/tablet_c/2026-01", locationLine("2026-01-24T09:00:00Z", 42.0, -72.0, 15, 99, 0));
    Files.writeString(files.root().resolve("rec/alice/phone_a/notes.txt"), "not a month file");
    store = files.reader();
  }

  private LocationPage page(DeviceScope devices, LocationSort sort, SortOrder order, int limit) {
    return page(devices, sort, order, limit, 0);
  }

  private LocationPage page(
      DeviceScope devices, LocationSort sort, SortOrder order, int limit, int offset) {
    return store.page(new LocationQuery(devices, sort, order, limit, offset));
  }

  private static List<String> times(LocationPage page) {
    return page.locations().stream().map(record -> record.timestamp().toString()).toList();
  }

  @Test
  void newestFirstOverEveryMonthFileAndEveryDevice() {
    LocationPage page = page(DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.DESC, 10);

    assertEquals(
        List.of(
            "2026-02-01T08:00:00Z",
            "2026-01-31T23:00:00Z",
            "2026-01-25T11:00:00Z",
            "2026-01-25T10:00:00Z",
            "2026-01-25T09:00:00Z",
            "2026-01-24T09:00:00Z"),
        times(page),
        "every location record of every month and device, newest first; lwt and stray files"
            + " skipped");
    assertEquals(6, page.total(), "total counts every matching record");
  }

  @Test
  void aDeviceSetFiltersAndTheTotalCountsOnlyIt() {
    LocationPage phoneA =
        page(DeviceScope.only(Set.of("phone_a")), LocationSort.CREATED_AT, SortOrder.ASC, 2);
    assertEquals(List.of("2026-01-25T10:00:00Z", "2026-01-25T11:00:00Z"), times(phoneA));
    assertEquals(4, phoneA.total(), "phone_a has 4 records over two months");
    assertTrue(
        phoneA.locations().stream().allMatch(record -> record.deviceId().equals("phone_a")),
        "only phone_a");

    LocationPage two =
        page(
            DeviceScope.only(Set.of("phone_b", "tablet_c")),
            LocationSort.CREATED_AT,
            SortOrder.ASC,
            10);
    assertEquals(List.of("2026-01-24T09:00:00Z", "2026-01-25T09:00:00Z"), times(two));
    assertEquals(2, two.total());
  }

  @Test
  void noDeviceOrAnUnknownOneIsAnEmptyPage() {
    LocationPage none =
        page(DeviceScope.only(Set.of()), LocationSort.CREATED_AT, SortOrder.DESC, 10);
    assertEquals(List.of(), none.locations());
    assertEquals(0, none.total());
    assertEquals(
        0,
        page(DeviceScope.only(Set.of("alice")), LocationSort.CREATED_AT, SortOrder.DESC, 10)
            .total(),
        "a user folder is not a device");
  }

  @Test
  void pagesFollowEachOtherWithoutOverlapOrGap() {
    List<String> paged = new ArrayList<>();
    int total = -1;
    for (int offset = 0; offset < 10; offset += 4) {
      LocationPage page =
          page(DeviceScope.every(), LocationSort.BATTERY, SortOrder.DESC, 4, offset);
      page.locations().forEach(record -> paged.add(record.deviceId() + "@" + record.timestamp()));
      total = page.total();
    }
    List<String> whole = new ArrayList<>();
    page(DeviceScope.every(), LocationSort.BATTERY, SortOrder.DESC, 100)
        .locations()
        .forEach(record -> whole.add(record.deviceId() + "@" + record.timestamp()));

    assertEquals(whole, paged, "pages of 4 put together are the one page of all");
    assertEquals(6, new HashSet<>(paged).size(), "no record twice");
    assertEquals(6, total, "the same total on every page");
  }

  @Test
  void anOffsetPastTheEndIsEmptyWithTheTotal() {
    LocationPage page = page(DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.DESC, 5, 6);
    assertEquals(List.of(), page.locations());
    assertEquals(6, page.total());
  }

  @Test
  void aNumericColumnOrdersByValueWithMissingValuesLastWhenAscending() {
    LocationPage page = page(DeviceScope.every(), LocationSort.ACCURACY, SortOrder.ASC, 10);
    assertEquals(
        List.of(
            OptionalInt.of(10),
            OptionalInt.of(15),
            OptionalInt.of(20),
            OptionalInt.of(30),
            OptionalInt.of(40),
            OptionalInt.empty()),
        page.locations().stream().map(LocationRecord::accuracy).toList(),
        "accuracy ascending, the record without one last (as PostgreSQL's NULLS LAST)");
  }

  @Test
  void missingValuesComeFirstWhenDescending() {
    LocationPage page = page(DeviceScope.every(), LocationSort.VELOCITY, SortOrder.DESC, 2);
    assertEquals(
        List.of(OptionalInt.empty(), OptionalInt.of(9)),
        page.locations().stream().map(LocationRecord::velocity).toList(),
        "velocity descending: the missing one first, then the fastest");
  }

  @Test
  void positionAndAltitudeColumnsOrderToo() {
    assertEquals(
        List.of(42.0, 41.0),
        page(DeviceScope.every(), LocationSort.LATITUDE, SortOrder.DESC, 2).locations().stream()
            .map(record -> record.position().latitude())
            .toList());
    assertEquals(
        List.of(-74.4, -74.3),
        page(DeviceScope.every(), LocationSort.LONGITUDE, SortOrder.ASC, 2).locations().stream()
            .map(record -> record.position().longitude())
            .toList());
    // locationLine writes no altitude: every record ties, and the tie-break decides.
    LocationPage byAltitude = page(DeviceScope.every(), LocationSort.ALTITUDE, SortOrder.ASC, 10);
    assertTrue(
        byAltitude.locations().stream().allMatch(record -> record.altitude().isEmpty()),
        "no altitude in these lines");
    List<Long> ids = byAltitude.locations().stream().map(LocationRecord::id).toList();
    assertEquals(ids.stream().sorted().toList(), ids, "ties ordered by id, ascending");
  }

  @Test
  void equalValuesAreOrderedByIdInTheSameDirection() {
    // phone_a 10:00 and phone_b share battery 80.
    List<LocationRecord> eighty =
        page(DeviceScope.every(), LocationSort.BATTERY, SortOrder.DESC, 10).locations().stream()
            .filter(record -> record.battery().equals(OptionalInt.of(80)))
            .toList();
    assertEquals(2, eighty.size());
    assertTrue(eighty.get(0).id() > eighty.get(1).id(), "descending: the larger id first");
  }

  @Test
  void recordsCarryWhatTheApiAnswers() throws IOException {
    files.write(
        "carol/watch_d/2026-01",
        recLine(
            "2026-01-20T07:00:00Z",
            "*",
            "{\"_type\":\"location\",\"tid\":\"wd\",\"lat\":1.5,\"lon\":2.5,\"alt\":12.5,"
                + "\"acc\":3,\"batt\":44,\"vel\":7}"));
    LocationRecord record =
        page(DeviceScope.only(Set.of("watch_d")), LocationSort.CREATED_AT, SortOrder.DESC, 1)
            .locations()
            .get(0);
    assertEquals(Optional.of("wd"), record.tid());
    assertEquals(OptionalDouble.of(12.5), record.altitude());
    assertEquals(new GeoPoint(1.5, 2.5), record.position());
    assertEquals(OptionalInt.of(3), record.accuracy());
    assertEquals(OptionalInt.of(44), record.battery());
    assertEquals(OptionalInt.of(7), record.velocity());
  }

  @Test
  void theSameRecordKeepsItsIdWhenTheStoreGrows() throws IOException {
    long before =
        page(DeviceScope.only(Set.of("phone_b")), LocationSort.CREATED_AT, SortOrder.DESC, 1)
            .locations()
            .get(0)
            .id();
    files.write(
        "alice/phone_b/2026-01",
        locationLine("2026-01-20T09:00:00Z", 41.5, -73.5, 1, 1, 1),
        locationLine("2026-01-25T09:00:00Z", 41.0, -73.0, 20, 80, 1));

    LocationPage after =
        page(DeviceScope.only(Set.of("phone_b")), LocationSort.CREATED_AT, SortOrder.DESC, 2);
    assertEquals(2, after.total());
    assertEquals(before, after.locations().get(0).id(), "the same line, the same id");
    assertFalse(
        after.locations().get(0).id() == after.locations().get(1).id(), "another line, another id");
  }

  @Test
  void connectedWhileRecCanBeListedAndNeverReportsWhereItIs(@TempDir Path empty) {
    StoreStatus status = store.status();
    assertTrue(status.connected());
    assertEquals("owntracks", status.database());
    assertEquals("OwnTracks Recorder .rec files", status.serverVersion());
    assertEquals(Optional.empty(), status.host(), "files have no host");
    assertEquals(OptionalInt.empty(), status.port(), "nor a port");

    assertFalse(new OwnTracksRecorderStore(empty).status().connected(), "no rec/ folder");
    assertFalse(
        new OwnTracksRecorderStore(empty.resolve("missing")).status().connected(), "no folder");
  }

  @Test
  void aPageOfAStoreWithoutRecIsAStoreFailureNotAnEmptyPage(@TempDir Path empty) {
    OwnTracksRecorderStore missing = new OwnTracksRecorderStore(empty.resolve("missing"));
    LocationQuery query =
        new LocationQuery(DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.DESC, 10, 0);

    LocationStoreException e =
        assertThrows(LocationStoreException.class, () -> missing.page(query));
    assertTrue(
        e.getMessage().contains("missing"), "the log learns which folder: " + e.getMessage());
  }

  @Test
  void aQueryNeedsAPositiveLimitAndANonNegativeOffset() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LocationQuery(DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.DESC, 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LocationQuery(DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.DESC, 1, -1));
  }
}
