package io.oteldemo.embedded;

import io.oteldemo.locations.LocationRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes a job's CSV in otel-worker's format and file name. The file appears whole or not at all:
 * it is written to a temporary file in the same folder, then renamed over the target.
 */
public final class DistanceCsvWriter {

  static final String HEADER =
      "timestamp,device_id,latitude,longitude,distance_from_home_km,accuracy,battery,velocity";
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final Path directory;

  public DistanceCsvWriter(Path directory) {
    this.directory = directory;
  }

  /** {@code distance_YYYYMMDD.csv}, or {@code distance_YYYYMMDD_<device>.csv} for one device. */
  public static String fileName(LocalDate date, Optional<String> deviceId) {
    return "distance_" + date.format(BASIC_DATE) + deviceId.map(id -> "_" + id).orElse("") + ".csv";
  }

  /** Writes the rows (one per location, with its distance) and the summary; returns the file. */
  public Path write(
      LocalDate date,
      Optional<String> deviceId,
      List<LocationRecord> locations,
      List<Double> distancesKm,
      DistanceSummary summary) {
    Path target = directory.resolve(fileName(date, deviceId));
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".distance_", ".tmp");
      try {
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
          writeRows(out, locations, distancesKm);
          writeSummary(out, summary);
        }
        moveIntoPlace(temporary, target);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }

  private static void writeRows(
      BufferedWriter out, List<LocationRecord> locations, List<Double> distancesKm)
      throws IOException {
    out.write(HEADER);
    out.write('\n');
    for (int i = 0; i < locations.size(); i++) {
      LocationRecord location = locations.get(i);
      out.write(
          String.join(
              ",",
              location.timestamp().toString(),
              location.deviceId(),
              decimals(location.position().latitude(), 6),
              decimals(location.position().longitude(), 6),
              decimals(distancesKm.get(i), 2),
              integer(location.accuracy()),
              integer(location.battery()),
              integer(location.velocity())));
      out.write('\n');
    }
  }

  private static void writeSummary(BufferedWriter out, DistanceSummary summary) throws IOException {
    out.write('\n');
    out.write("Summary");
    out.write('\n');
    out.write("Total Distance (km)," + decimals(summary.totalDistanceKm(), 2));
    out.write('\n');
    out.write("Max Distance (km)," + decimals(summary.maxDistanceKm(), 2));
    out.write('\n');
    out.write("Min Distance (km)," + decimals(summary.minDistanceKm(), 2));
    out.write('\n');
    out.write("Total Locations," + summary.totalLocations());
    out.write('\n');
    out.write("Average Distance (km)," + decimals(summary.averageDistanceKm(), 2));
    out.write('\n');
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String decimals(double value, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", value);
  }

  private static String integer(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
  }
}
