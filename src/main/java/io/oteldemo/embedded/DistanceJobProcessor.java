package io.oteldemo.embedded;

import io.oteldemo.locations.GeoPoint;
import io.oteldemo.locations.LocationRecord;
import io.oteldemo.locations.LocationStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Does one job's work: read the day's locations, measure them from home, write the CSV. */
public final class DistanceJobProcessor {

  private final LocationStore store;
  private final GeoPoint home;
  private final DistanceCsvWriter csvWriter;

  public DistanceJobProcessor(LocationStore store, GeoPoint home, DistanceCsvWriter csv) {
    this.store = store;
    this.home = home;
    this.csvWriter = csv;
  }

  /**
   * @throws NoLocationsException when the store has no location for that day (and device)
   */
  public JobOutcome process(LocalDate date, Optional<String> deviceId) {
    long started = System.nanoTime();
    List<LocationRecord> locations = store.locations(date, deviceId);
    if (locations.isEmpty()) {
      throw new NoLocationsException(
          "no locations found for date "
              + date
              + deviceId.map(id -> " and device " + id).orElse(""));
    }
    List<Double> distances =
        locations.stream().map(location -> home.distanceKmTo(location.position())).toList();
    DistanceSummary summary = DistanceSummary.of(distances);
    var csvPath = csvWriter.write(date, deviceId, locations, distances, summary);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    return new JobOutcome(csvPath, summary, elapsedMs);
  }

  /** The day has no data: the job fails with the worker's message. */
  public static final class NoLocationsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoLocationsException(String message) {
      super(message);
    }
  }
}
