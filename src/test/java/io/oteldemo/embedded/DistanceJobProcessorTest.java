package io.oteldemo.embedded;

import static io.oteldemo.embedded.EmbeddedTestSupport.HOME;
import static io.oteldemo.locations.RecorderFiles.locationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.locations.GeoPoint;
import io.oteldemo.locations.OwnTracksRecorderStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreFixtureExtension.class)
class DistanceJobProcessorTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);
  private static final GeoPoint AT_HOME = HOME;
  private static final GeoPoint MIDTOWN = new GeoPoint(40.7527, -73.9772);
  private static final GeoPoint ASBURY_PARK = new GeoPoint(40.2204, -74.0121);

  private StoreFixture fixture;
  private Path csvDirectory;

  private DistanceJobProcessor processor;

  @BeforeEach
  void buildStoreAndProcessor(StoreFixture fixture) throws IOException {
    this.fixture = fixture;
    this.csvDirectory = fixture.csvDirectory();
    fixture.write(
        "stuart/phone/2026-01",
        locationLine("2026-01-25T08:00:00Z", AT_HOME.latitude(), AT_HOME.longitude(), 5, 90, 0),
        locationLine(
            "2026-01-25T14:00:00Z", ASBURY_PARK.latitude(), ASBURY_PARK.longitude(), 10, 60, 80));
    fixture.write(
        "stuart/tablet/2026-01",
        locationLine("2026-01-25T10:00:00Z", MIDTOWN.latitude(), MIDTOWN.longitude(), 7, 70, 3));
    processor = fixture.processor();
  }

  @Test
  void allDevicesOfTheDayAreMeasuredFromHomeAndWritten() throws IOException {
    JobOutcome outcome = processor.process(DAY, Optional.empty());

    double toMidtown = HOME.distanceKmTo(MIDTOWN);
    double toAsbury = HOME.distanceKmTo(ASBURY_PARK);
    DistanceSummary summary = outcome.summary();
    assertEquals(3, summary.totalLocations(), "three locations on the day");
    assertEquals(toMidtown + toAsbury, summary.totalDistanceKm(), 1e-9, "sum of distances");
    assertEquals(toAsbury, summary.maxDistanceKm(), 1e-9, "Asbury Park is the farthest");
    assertEquals(0.0, summary.minDistanceKm(), 1e-9, "the home location is 0 km away");
    assertTrue(outcome.processingTimeMs() >= 0, "processing time is not negative");

    assertEquals(csvDirectory.resolve("distance_20260125.csv"), outcome.csvPath(), "CSV path");
    List<String> lines = Files.readAllLines(outcome.csvPath(), StandardCharsets.UTF_8);
    assertEquals(
        List.of(
            "2026-01-25T08:00:00Z,phone",
            "2026-01-25T10:00:00Z,tablet",
            "2026-01-25T14:00:00Z,phone"),
        lines.subList(1, 4).stream().map(l -> l.substring(0, l.indexOf(',', 21))).toList(),
        "rows of both devices, in time order");
    assertEquals(
        String.format(Locale.ROOT, "%.2f", toMidtown),
        lines.get(2).split(",")[4],
        "the tablet row carries its distance from home");
    assertEquals("Total Locations,3", lines.get(9), "summary count in the CSV");
  }

  @Test
  void oneDeviceOnlyUsesThatDevicesRecordsAndFileName() throws IOException {
    JobOutcome outcome = processor.process(DAY, Optional.of("tablet"));

    assertEquals(1, outcome.summary().totalLocations(), "the tablet has one location");
    assertEquals(
        HOME.distanceKmTo(MIDTOWN), outcome.summary().totalDistanceKm(), 1e-9, "its distance");
    assertEquals(
        csvDirectory.resolve("distance_20260125_tablet.csv"), outcome.csvPath(), "device CSV");
    assertTrue(Files.isRegularFile(outcome.csvPath()), "device CSV written");
    assertFalse(
        Files.exists(csvDirectory.resolve("distance_20260125.csv")), "no all-devices CSV written");
  }

  @Test
  void dayWithoutLocationsFailsWithTheWorkersMessageAndWritesNothing() throws IOException {
    DistanceJobProcessor.NoLocationsException e =
        assertThrows(
            DistanceJobProcessor.NoLocationsException.class,
            () -> processor.process(LocalDate.of(2026, 1, 20), Optional.empty()),
            "a day without locations must fail");
    assertEquals("no locations found for date 2026-01-20", e.getMessage(), "failure message");

    DistanceJobProcessor.NoLocationsException forDevice =
        assertThrows(
            DistanceJobProcessor.NoLocationsException.class,
            () -> processor.process(DAY, Optional.of("ghost")),
            "a device without locations that day must fail");
    assertTrue(
        forDevice.getMessage().startsWith("no locations found for date 2026-01-25"),
        "failure message names the date, was: " + forDevice.getMessage());
    assertTrue(
        forDevice.getMessage().contains("ghost"),
        "failure message names the device, was: " + forDevice.getMessage());

    try (var files = Files.list(csvDirectory)) {
      assertEquals(0, files.count(), "no CSV (or temporary file) for a failed day");
    }
  }

  @Test
  void sampleStoreIphoneStuartOn25JanuaryEndToEnd() throws IOException {
    DistanceJobProcessor sample =
        new DistanceJobProcessor(
            new OwnTracksRecorderStore(Path.of("sample-data/owntracks")),
            HOME,
            new DistanceCsvWriter(csvDirectory));

    JobOutcome outcome = sample.process(DAY, Optional.of("iphone_stuart"));

    assertEquals(78, outcome.summary().totalLocations(), "78 locations");
    assertEquals(2318.672056, outcome.summary().totalDistanceKm(), 1e-5, "total distance");
    assertEquals(58.346635, outcome.summary().maxDistanceKm(), 1e-5, "max distance");
    List<String> lines = Files.readAllLines(outcome.csvPath(), StandardCharsets.UTF_8);
    assertEquals(1 + 78 + 1 + 6, lines.size(), "header, 78 rows, blank line, 6 summary lines");
    assertEquals("Total Distance (km),2318.67", lines.get(81), "total in the CSV");
    assertEquals("Max Distance (km),58.35", lines.get(82), "max in the CSV");
    assertEquals("Total Locations,78", lines.get(84), "count in the CSV");
    assertEquals(
        String.format(Locale.ROOT, "Average Distance (km),%.2f", 2318.672056 / 78),
        lines.get(85),
        "average in the CSV");
  }
}
