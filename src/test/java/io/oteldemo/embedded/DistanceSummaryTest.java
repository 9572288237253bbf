package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistanceSummaryTest {

  @Test
  void sumsTheDistancesAndFindsTheExtremes() {
    DistanceSummary summary = DistanceSummary.of(List.of(1.5, 3.25, 0.5, 2.0));

    assertEquals(7.25, summary.totalDistanceKm(), 1e-12, "total is the sum, not a path length");
    assertEquals(3.25, summary.maxDistanceKm(), 0.0, "largest distance");
    assertEquals(0.5, summary.minDistanceKm(), 0.0, "smallest distance");
    assertEquals(4, summary.totalLocations(), "one location per distance");
    assertEquals(7.25 / 4, summary.averageDistanceKm(), 1e-12, "average = total / count");
  }

  @Test
  void oneDistanceIsItsOwnTotalMaxMinAndAverage() {
    DistanceSummary summary = DistanceSummary.of(List.of(4.2));

    assertEquals(new DistanceSummary(4.2, 4.2, 4.2, 1), summary, "single distance summary");
    assertEquals(4.2, summary.averageDistanceKm(), 0.0, "average of one distance");
  }

  @Test
  void allZeroDistancesGiveZeroes() {
    DistanceSummary summary = DistanceSummary.of(List.of(0.0, 0.0, 0.0));

    assertEquals(new DistanceSummary(0, 0, 0, 3), summary, "a day spent at home");
    assertEquals(0.0, summary.averageDistanceKm(), 0.0, "average of zeroes");
  }

  @Test
  void theOrderOfTheDistancesDoesNotMatterForTheExtremes() {
    DistanceSummary ascending = DistanceSummary.of(List.of(1.0, 2.0, 9.0));
    DistanceSummary descending = DistanceSummary.of(List.of(9.0, 2.0, 1.0));

    assertEquals(9.0, ascending.maxDistanceKm(), 0.0, "max when the largest comes last");
    assertEquals(9.0, descending.maxDistanceKm(), 0.0, "max when the largest comes first");
    assertEquals(1.0, ascending.minDistanceKm(), 0.0, "min when the smallest comes first");
    assertEquals(1.0, descending.minDistanceKm(), 0.0, "min when the smallest comes last");
  }

  @Test
  void refusesAnEmptyDay() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DistanceSummary.of(List.of()),
        "a summary of no distances must be refused");
  }
}
