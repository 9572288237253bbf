package io.oteldemo.locations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.oteldemo.devdata.SampleLocations;
import io.oteldemo.deviceaccess.DeviceScope;
import io.oteldemo.testing.MutableClock;
import io.oteldemo.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store against a real PostgreSQL of the test's own, holding the sample data (loaded
 * by the project's loader) and a device whose records lack every optional value.
 */
class PostgresLocationStoreTest {

  static final Path SAMPLE_DATA = Path.of(System.getProperty("it.sample.data", "sample-data"));
  static final List<LocalDate> DAYS =
      LocalDate.of(2026, 1, 22).datesUntil(LocalDate.of(2026, 1, 28)).toList();
  static final List<Optional<String>> DEVICES =
      List.of(
          Optional.empty(),
          Optional.of("iphone_stuart"),
          Optional.of("ipad_stuart"),
          Optional.of("pixel_alex"),
          Optional.of("no_such_device"));
  private static final String SPARSE = "sparse_phone";

  private static TestPostgres postgres;
  private InMemorySpanExporter spans;
  private MutableClock clock;
  private PostgresLocationStore store;

  @BeforeAll
  static void startPostgres() throws SQLException {
    postgres = TestPostgres.start();
    try (Connection connection = postgres.dataSource().getConnection()) {
      SampleLocations.load(connection, SAMPLE_DATA);
      try (Statement statement = connection.createStatement()) {
        // Only the mandatory values, on a day of their own; and one row without a position.
        statement.execute(
            "INSERT INTO public.locations (device_id, latitude, longitude, created_at) VALUES"
                + " ('sparse_phone', 40.1, -74.1, '2025-12-31T10:00:00Z'),"
                + " ('sparse_phone', 40.2, -74.2, '2025-12-31T11:00:00Z'),"
                + " ('sparse_phone', NULL, NULL, '2025-12-31T12:00:00Z')");
      }
    }
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void newStore() {
    spans = InMemorySpanExporter.create();
    Tracer tracer =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build()
            .get("test");
    clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
    store =
        new PostgresLocationStore(
            postgres.dataSource(), LocationDatabaseUrl.parse(postgres.url()), tracer, clock);
  }

  @Test
  void everyDayOfEveryDeviceHoldsTheRecorderStoresRecordsInItsOrder() {
    OwnTracksRecorderStore recorder = new OwnTracksRecorderStore(SAMPLE_DATA.resolve("owntracks"));
    int compared = 0;
    for (LocalDate day : DAYS) {
      for (Optional<String> device : DEVICES) {
        List<LocationRecord> expected = withoutIds(recorder.locations(day, device));
        List<LocationRecord> actual = withoutIds(store.locations(day, device));
        assertEquals(expected, actual, "locations of " + day + " " + device);
        compared += actual.size();
      }
    }
    assertEquals(2 * 390, compared, "every sample location twice (once alone, once with all)");
  }

  @Test
  void aRowWithoutPositionIsLeftOutAndMissingValuesAreEmpty() {
    List<LocationRecord> sparse = store.locations(LocalDate.of(2025, 12, 31), Optional.of(SPARSE));
    assertEquals(2, sparse.size(), "the row without a position is left out: " + sparse);
    LocationRecord first = sparse.get(0);
    assertTrue(first.tid().isEmpty() && first.accuracy().isEmpty(), first.toString());
    assertTrue(first.altitude().isEmpty() && first.battery().isEmpty(), first.toString());
    assertTrue(first.velocity().isEmpty(), first.toString());
  }

  @Test
  void pagesFollowTheRecorderOrderWithoutOverlapOrGap() {
    for (LocationSort sort : LocationSort.values()) {
      for (SortOrder order : SortOrder.values()) {
        List<LocationRecord> paged = new ArrayList<>();
        int total = -1;
        for (int offset = 0; offset < 500; offset += 37) {
          LocationPage page =
              store.page(new LocationQuery(DeviceScope.every(), sort, order, 37, offset));
          paged.addAll(page.locations());
          total = page.total();
        }
        assertEquals(392, total, "every location with a position, sorted by " + sort);
        List<LocationRecord> expected = new ArrayList<>(paged);
        expected.sort(RecorderOrder.of(sort, order));
        assertEquals(expected, paged, "the order of " + sort + " " + order);
        assertEquals(total, new HashSet<>(paged).size(), "no record twice: " + sort + " " + order);
      }
    }
  }

  @Test
  void aPageOfSomeDevicesHoldsOnlyThem() {
    LocationPage page =
        store.page(
            new LocationQuery(
                DeviceScope.only(Set.of("ipad_stuart", SPARSE)),
                LocationSort.BATTERY,
                SortOrder.DESC,
                100,
                0));
    assertEquals(26, page.total());
    assertEquals(26, page.locations().size());
    assertTrue(
        page.locations().stream()
            .allMatch(r -> r.deviceId().equals("ipad_stuart") || r.deviceId().equals(SPARSE)));
    assertEquals(SPARSE, page.locations().get(0).deviceId(), "no battery first when descending");
  }

  @Test
  void theCountIsReadOncePerDevicesWithinItsTimeToLive() {
    LocationQuery first =
        new LocationQuery(DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.ASC, 10, 0);
    LocationQuery second =
        new LocationQuery(DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.ASC, 10, 10);
    store.page(first);
    store.page(second);
    assertEquals(3, spans.getFinishedSpanItems().size(), "one count and two pages");
    clock.advance(PageCounts.TTL.plus(Duration.ofSeconds(1)));
    store.page(second);
    assertEquals(5, spans.getFinishedSpanItems().size(), "counted again after the time to live");
  }

  @Test
  void eachQueryIsASpanWithItsRowCountAndNoValues() {
    store.locations(LocalDate.of(2026, 1, 24), Optional.of("pixel_alex"));
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertEquals(1, finished.size());
    SpanData span = finished.get(0);
    assertEquals("SELECT public.locations", span.getName());
    assertEquals("postgresql", span.getAttributes().get(QuerySpans.DB_SYSTEM));
    assertEquals("SELECT", span.getAttributes().get(QuerySpans.DB_OPERATION));
    assertEquals("owntracks", span.getAttributes().get(QuerySpans.DB_NAME));
    assertEquals(29L, span.getAttributes().get(QuerySpans.ROWS));
    String attributes = span.getAttributes().toString();
    assertFalse(attributes.contains("pixel_alex") || attributes.contains("2026"), attributes);
  }

  @Test
  void statusNamesTheDatabaseAndServerVersion() {
    StoreStatus status = store.status();
    assertTrue(status.connected());
    assertEquals("owntracks", status.database());
    assertTrue(status.serverVersion().startsWith("PostgreSQL 16."), status.serverVersion());
    assertEquals(Optional.of("127.0.0.1"), status.host());
    assertEquals(postgres.port(), status.port().getAsInt());
  }

  @Test
  void aStoppedDatabaseIsNotConnectedAndReadsFailWithoutThePassword() {
    postgres.stop();
    try {
      assertFalse(store.status().connected());
      LocationStoreException day =
          assertThrows(
              LocationStoreException.class,
              () -> store.locations(LocalDate.of(2026, 1, 24), Optional.empty()));
      assertFalse(day.getMessage().contains(postgres.password()), day.getMessage());
      assertThrows(
          LocationStoreException.class,
          () ->
              store.page(
                  new LocationQuery(
                      DeviceScope.every(), LocationSort.CREATED_AT, SortOrder.ASC, 10, 0)));
      assertEquals(
          StatusCode.ERROR, spans.getFinishedSpanItems().get(1).getStatus().getStatusCode());
    } finally {
      postgres.restart();
    }
    assertTrue(store.status().connected(), "connected again once the database is back");
  }

  static List<LocationRecord> withoutIds(List<LocationRecord> records) {
    return records.stream()
        .map(
            r ->
                new LocationRecord(
                    0,
                    r.timestamp(),
                    r.deviceId(),
                    r.tid(),
                    r.position(),
                    r.accuracy(),
                    r.altitude(),
                    r.battery(),
                    r.velocity()))
        .toList();
  }
}
