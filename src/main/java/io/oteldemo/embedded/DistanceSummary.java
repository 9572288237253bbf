package io.oteldemo.embedded;

import java.util.List;

/**
 * What otel-worker reports for a day: the SUM of every location's distance from home (not a path
 * length), the largest and smallest distance, and the number of locations.
 */
public record DistanceSummary(
    double totalDistanceKm, double maxDistanceKm, double minDistanceKm, int totalLocations) {

  public static DistanceSummary of(List<Double> distancesKm) {
    if (distancesKm.isEmpty()) {
      throw new IllegalArgumentException("No distances to summarise");
    }
    double total = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double distance : distancesKm) {
      total += distance;
      max = Math.max(max, distance);
      min = Math.min(min, distance);
    }
    return new DistanceSummary(total, max, min, distancesKm.size());
  }

  public double averageDistanceKm() {
    return totalDistanceKm / totalLocations;
  }
}
