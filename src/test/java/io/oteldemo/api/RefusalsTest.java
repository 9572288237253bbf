package io.oteldemo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.oteldemo.telemetry.RequestTrace;
import io.oteldemo.testing.CapturedLog;
import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefusalsTest {

  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final Refusals refusals =
      new Refusals(
          OpenTelemetrySdk.builder()
              .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
              .build(),
          new RequestTrace(),
          clock);

  @RegisterExtension final CapturedLog log = new CapturedLog(Refusals.class);

  @Test
  void everyRefusalIsCountedByKind() {
    refusals.record(Refusal.malformedHeader("Accept"));
    refusals.record(Refusal.malformedHeader("Content-Type"));
    refusals.record(Refusal.refusedPath());

    assertEquals(Map.of("malformed_header", 2L, "refused_path", 1L), countsByKind());
  }

  @Test
  void theFirstRefusalOfAKindIsLoggedAtOnceWithoutAStackTrace() {
    refusals.record(Refusal.malformedHeader("Accept"));

    assertEquals(1, log.records().size(), () -> "one line: " + messages());
    LogRecord line = log.records().get(0);
    assertNull(line.getThrown(), "no stack trace");
    assertTrue(line.getMessage().contains("malformed_header"), line.getMessage());
    assertTrue(line.getMessage().contains("Accept"), line.getMessage());
    assertTrue(
        line.getMessage().contains("[trace_id="), () -> "the trace id: " + line.getMessage());
  }

  @Test
  void aKindIsLoggedAtMostOncePerIntervalWithTheCountSinceItsLastLine() {
    for (int i = 0; i < 100; i++) {
      refusals.record(Refusal.malformedHeader("Accept"));
    }
    assertEquals(1, log.records().size(), () -> "one line for 100 refusals: " + messages());

    clock.advance(Refusals.LOG_INTERVAL.minusSeconds(1));
    refusals.record(Refusal.malformedHeader("Accept"));
    assertEquals(
        1, log.records().size(), () -> "still one line within the interval: " + messages());

    clock.advance(Duration.ofSeconds(1));
    refusals.record(Refusal.malformedHeader("Accept"));
    assertEquals(2, log.records().size(), () -> "a second line after the interval: " + messages());
    assertTrue(
        log.records().get(1).getMessage().contains("Refused 101 request(s)"),
        () -> "the 100 since the first line, and this one: " + messages());
  }

  @Test
  void kindsAreLoggedApart() {
    refusals.record(Refusal.malformedHeader("Accept"));
    refusals.record(Refusal.malformedPath());
    refusals.record(Refusal.refusedPath());
    refusals.record(Refusal.refusedPath());

    assertEquals(3, log.records().size(), () -> "one line per kind: " + messages());
  }

  @Test
  void theLogNamesNothingTheClientSent() {
    refusals.record(Refusal.malformedPath());

    assertFalse(log.records().get(0).getMessage().contains("%"), log.records().get(0).getMessage());
  }

  private List<String> messages() {
    return log.records().stream().map(LogRecord::getMessage).toList();
  }

  private Map<String, Long> countsByKind() {
    return metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals(Refusals.REFUSED))
        .flatMap(metric -> metric.getLongSumData().getPoints().stream())
        .collect(
            Collectors.toMap(
                point -> point.getAttributes().get(Refusals.KIND), LongPointData::getValue));
  }
}
