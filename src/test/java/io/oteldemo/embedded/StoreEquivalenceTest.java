package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.OpenTelemetry;
import io.oteldemo.devdata.SampleLocations;
import io.oteldemo.locations.LocationDatabaseUrl;
import io.oteldemo.locations.LocationStore;
import io.oteldemo.locations.OwnTracksRecorderStore;
import io.oteldemo.locations.PostgresLocationStore;
import io.oteldemo.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded worker computes the same from either store: for every sample day (and the days
 * around them) and every device (and all of them), the sample data in PostgreSQL, loaded by the
 * project's loader, gives the same job result as the Recorder files, every metric and every byte of
 * the CSV; and a day without data fails the same way.
 */
class StoreEquivalenceTest {

  private static final Path SAMPLE_DATA =
      Path.of(System.getProperty("it.sample.data", "sample-data"));
  private static final List<LocalDate> DAYS =
      LocalDate.of(2026, 1, 22).datesUntil(LocalDate.of(2026, 1, 28)).toList();
  private static final List<Optional<String>> DEVICES =
      List.of(
          Optional.empty(),
          Optional.of("iphone_stuart"),
          Optional.of("ipad_stuart"),
          Optional.of("pixel_alex"));

  private static TestPostgres postgres;

  @BeforeAll
  static void loadSampleData() throws SQLException {
    postgres = TestPostgres.start();
    try (Connection connection = postgres.dataSource().getConnection()) {
      SampleLocations.load(connection, SAMPLE_DATA);
    }
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void everyJobResultIsTheSameFromBothStores(@TempDir Path csv) throws IOException {
    LocationStore recorder = new OwnTracksRecorderStore(SAMPLE_DATA.resolve("owntracks"));
    LocationStore database =
        new PostgresLocationStore(
            postgres.dataSource(),
            LocationDatabaseUrl.parse(postgres.url()),
            OpenTelemetry.noop().getTracer("test"),
            Clock.systemUTC());
    DistanceJobProcessor fromFiles =
        new DistanceJobProcessor(
            recorder, EmbeddedTestSupport.HOME, new DistanceCsvWriter(csv.resolve("files")));
    DistanceJobProcessor fromDatabase =
        new DistanceJobProcessor(
            database, EmbeddedTestSupport.HOME, new DistanceCsvWriter(csv.resolve("database")));
    int jobs = 0;
    for (LocalDate day : DAYS) {
      for (Optional<String> device : DEVICES) {
        String job = day + " " + device.orElse("every device");
        if (recorder.locations(day, device).isEmpty()) {
          String expected =
              assertThrows(
                      DistanceJobProcessor.NoLocationsException.class,
                      () -> fromFiles.process(day, device))
                  .getMessage();
          assertEquals(
              expected,
              assertThrows(
                      DistanceJobProcessor.NoLocationsException.class,
                      () -> fromDatabase.process(day, device))
                  .getMessage(),
              job);
          continue;
        }
        JobOutcome files = fromFiles.process(day, device);
        JobOutcome rows = fromDatabase.process(day, device);
        assertEquals(files.summary(), rows.summary(), "every metric of " + job);
        assertEquals(files.csvPath().getFileName(), rows.csvPath().getFileName(), job);
        assertArrayEquals(
            Files.readAllBytes(files.csvPath()),
            Files.readAllBytes(rows.csvPath()),
            "the CSV bytes of " + job);
        jobs++;
      }
    }
    assertEquals(13, jobs, "4 days of every device and 9 device-days computed");
  }
}
