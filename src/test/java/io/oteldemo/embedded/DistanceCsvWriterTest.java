package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.locations.GeoPoint;
import io.oteldemo.locations.LocationRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistanceCsvWriterTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);
  private static final String HEADER =
      "timestamp,device_id,latitude,longitude,distance_from_home_km,accuracy,battery,velocity";

  @TempDir Path directory;

  private static final List<LocationRecord> LOCATIONS =
      List.of(
          new LocationRecord(
              1,
              Instant.parse("2026-01-25T08:00:00Z"),
              "iphone_stuart",
              Optional.of("st"),
              new GeoPoint(40.736097, -74.039373),
              OptionalInt.of(25),
              OptionalDouble.of(5),
              OptionalInt.of(58),
              OptionalInt.of(0)),
          new LocationRecord(
              2,
              Instant.parse("2026-01-25T12:30:15Z"),
              "pixel_alex",
              Optional.empty(),
              new GeoPoint(40.12345678, -73.9876543),
              OptionalInt.empty(),
              OptionalDouble.empty(),
              OptionalInt.empty(),
              OptionalInt.empty()),
          new LocationRecord(
              3,
              Instant.parse("2026-01-25T23:59:59Z"),
              "iphone_stuart",
              Optional.of("st"),
              new GeoPoint(-33.8688, 151.2093),
              OptionalInt.of(5),
              OptionalDouble.empty(),
              OptionalInt.empty(),
              OptionalInt.of(87)));
  private static final List<Double> DISTANCES = List.of(0.0, 12.3456, 15987.004);
  private static final DistanceSummary SUMMARY = DistanceSummary.of(DISTANCES);

  private static List<String> readLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesRowsThenSummaryInTheWorkersFormat() throws IOException {
    Path file =
        new DistanceCsvWriter(directory)
            .write(DAY, Optional.empty(), LOCATIONS, DISTANCES, SUMMARY);

    assertEquals(directory.resolve("distance_20260125.csv"), file, "returned path of the CSV");
    List<String> lines = readLines(file);
    assertEquals(
        List.of(
            HEADER,
            "2026-01-25T08:00:00Z,iphone_stuart,40.736097,-74.039373,0.00,25,58,0",
            "2026-01-25T12:30:15Z,pixel_alex,40.123457,-73.987654,12.35,,,",
            "2026-01-25T23:59:59Z,iphone_stuart,-33.868800,151.209300,15987.00,5,,87",
            "",
            "Summary",
            "Total Distance (km),15999.35",
            "Max Distance (km),15987.00",
            "Min Distance (km),0.00",
            "Total Locations,3",
            "Average Distance (km),5333.12"),
        lines,
        "header, one row per location (lat/lon 6 decimals, distance 2 decimals, empty optional "
            + "fields empty), a blank line and the summary");
  }

  @Test
  void everyDataRowHasEightColumns() throws IOException {
    Path file =
        new DistanceCsvWriter(directory)
            .write(DAY, Optional.empty(), LOCATIONS, DISTANCES, SUMMARY);

    List<String> rows = readLines(file).subList(1, 1 + LOCATIONS.size());
    for (String row : rows) {
      assertEquals(8, row.split(",", -1).length, "8 comma-separated columns in: " + row);
    }
  }

  @Test
  void endsEveryLineWithANewlineAndUsesNoCarriageReturns() throws IOException {
    Path file =
        new DistanceCsvWriter(directory)
            .write(DAY, Optional.empty(), LOCATIONS, DISTANCES, SUMMARY);

    String content = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(content.endsWith("Average Distance (km),5333.12\n"), "ends with the average line");
    assertTrue(!content.contains("\r"), "lines end with \\n only");
  }

  @Test
  void usesADecimalPointWhateverTheDefaultLocale() throws IOException {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      Path file =
          new DistanceCsvWriter(directory)
              .write(DAY, Optional.empty(), LOCATIONS, DISTANCES, SUMMARY);
      List<String> lines = readLines(file);
      assertEquals(
          "2026-01-25T12:30:15Z,pixel_alex,40.123457,-73.987654,12.35,,,",
          lines.get(2),
          "numbers use '.' even when the default locale uses ','");
      assertEquals("Total Distance (km),15999.35", lines.get(6), "summary uses '.' as well");
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void namesTheFileAfterTheDayAndTheDevice() {
    assertEquals(
        "distance_20260125.csv",
        DistanceCsvWriter.fileName(DAY, Optional.empty()),
        "all devices: distance_YYYYMMDD.csv");
    assertEquals(
        "distance_20260125_iphone_stuart.csv",
        DistanceCsvWriter.fileName(DAY, Optional.of("iphone_stuart")),
        "one device: distance_YYYYMMDD_<device>.csv");
    assertEquals(
        "distance_20260105.csv",
        DistanceCsvWriter.fileName(LocalDate.of(2026, 1, 5), Optional.empty()),
        "month and day are zero-padded");
  }

  @Test
  void writesTheDeviceFileUnderTheDeviceName() throws IOException {
    Path file =
        new DistanceCsvWriter(directory)
            .write(
                DAY,
                Optional.of("iphone_stuart"),
                LOCATIONS.subList(0, 1),
                DISTANCES.subList(0, 1),
                DistanceSummary.of(DISTANCES.subList(0, 1)));

    assertEquals(directory.resolve("distance_20260125_iphone_stuart.csv"), file, "device file");
    assertTrue(Files.isRegularFile(file), "the device file exists");
    assertEquals("Total Locations,1", readLines(file).get(7), "one location in the summary");
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path target = directory.resolve("distance_20260125.csv");
    Files.writeString(target, "old content that is much longer than nothing\nsecond line\n");
    DistanceCsvWriter writer = new DistanceCsvWriter(directory);

    writer.write(DAY, Optional.empty(), LOCATIONS, DISTANCES, SUMMARY);
    Path again =
        writer.write(
            DAY,
            Optional.empty(),
            LOCATIONS.subList(1, 2),
            DISTANCES.subList(1, 2),
            DistanceSummary.of(DISTANCES.subList(1, 2)));

    List<String> lines = readLines(again);
    assertEquals(HEADER, lines.get(0), "the old content is gone");
    assertEquals(9, lines.size(), "header, 1 row, blank line, Summary and 5 summary lines");
    assertEquals("Total Locations,1", lines.get(7), "the latest write wins");
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(
          List.of("distance_20260125.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "only the CSV is left in the folder: no temporary files");
    }
  }

  @Test
  void createsTheFolderWhenItDoesNotExist() throws IOException {
    Path nested = directory.resolve("a").resolve("b");

    Path file =
        new DistanceCsvWriter(nested).write(DAY, Optional.empty(), LOCATIONS, DISTANCES, SUMMARY);

    assertEquals(nested.resolve("distance_20260125.csv"), file, "file inside the new folder");
    assertEquals(HEADER, readLines(file).get(0), "the file was written");
  }

  @Test
  void failsWithoutLeavingFilesWhenTheTargetCannotBeReplaced() throws IOException {
    Path target = directory.resolve("distance_20260125.csv");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep.txt"), "x");

    assertThrows(
        UncheckedIOException.class,
        () ->
            new DistanceCsvWriter(directory)
                .write(DAY, Optional.empty(), LOCATIONS, DISTANCES, SUMMARY),
        "a non-empty folder in the way of the CSV cannot be replaced");
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(
          List.of("distance_20260125.csv"),
          files.map(p -> p.getFileName().toString()).toList(),
          "the temporary file is removed after the failure");
    }
  }
}
