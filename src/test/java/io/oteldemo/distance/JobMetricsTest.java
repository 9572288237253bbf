package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.jobs.JobFinished;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The jobs' metrics: submissions by outcome and reason, and the observer of finished jobs. */
class JobMetricsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final JobMetrics metrics =
      new JobMetrics(
          OpenTelemetrySdk.builder()
              .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
              .build());

  @Test
  void submissionsAreCountedByOutcomeAndRejectionsByTheirErrorCode() {
    metrics.submitted(JobMetrics.Submission.ACCEPTED);
    metrics.submitted(JobMetrics.Submission.ACCEPTED);
    metrics.submitted(JobMetrics.Submission.COALESCED);
    metrics.rejected(ErrorCode.RATE_LIMITED);

    Map<String, Long> counts = new TreeMap<>();
    metric(JobMetrics.SUBMITTED)
        .getLongSumData()
        .getPoints()
        .forEach(
            point ->
                counts.put(
                    point.getAttributes().get(JobMetrics.OUTCOME)
                        + "/"
                        + point.getAttributes().get(JobMetrics.REASON),
                    point.getValue()));
    assertEquals(
        Map.of("accepted/null", 2L, "coalesced/null", 1L, "rejected/rate_limited", 1L), counts);
  }

  @Test
  void aFinishedJobIsCountedWithItsTimeFromQueuedToFinished() {
    Instant queued = Instant.parse("2026-01-25T10:00:00Z");
    metrics.finished(new JobFinished("completed", queued, queued.plusMillis(2500)));
    metrics.finished(new JobFinished("failed", queued, queued.plusSeconds(1)));

    Map<String, Long> finished = new TreeMap<>();
    metric(JobMetrics.FINISHED)
        .getLongSumData()
        .getPoints()
        .forEach(p -> finished.put(p.getAttributes().get(JobMetrics.STATUS), p.getValue()));
    assertEquals(Map.of("completed", 1L, "failed", 1L), finished);
    Map<String, Double> seconds = new TreeMap<>();
    metric(JobMetrics.DURATION)
        .getHistogramData()
        .getPoints()
        .forEach(p -> seconds.put(p.getAttributes().get(JobMetrics.STATUS), p.getSum()));
    assertEquals(Map.of("completed", 2.5, "failed", 1.0), seconds);
    assertEquals("s", metric(JobMetrics.DURATION).getUnit());
  }

  private MetricData metric(String name) {
    List<MetricData> all = List.copyOf(reader.collectAllMetrics());
    return all.stream()
        .filter(metric -> metric.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not recorded: " + all));
  }
}
