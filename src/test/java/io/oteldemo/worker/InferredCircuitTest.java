package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.oteldemo.worker.InferredCircuit.State;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** The breaker's state inferred from its calls, and the gauge that reports it. */
class InferredCircuitTest {

  @Test
  void closedUntilACallIsRefusedEvenAfterFailures() {
    InferredCircuit circuit = new InferredCircuit("c", 2);
    circuit.failed();
    circuit.failed();
    assertEquals(State.CLOSED, circuit.state(), "failures alone do not show that it opened");
    circuit.refused();
    assertEquals(State.OPEN, circuit.state());
  }

  @Test
  void aCallLetThroughAfterOpenIsTheTrialAndEnoughSuccessesCloseIt() {
    InferredCircuit circuit = new InferredCircuit("c", 2);
    circuit.refused();
    circuit.succeeded();
    assertEquals(State.HALF_OPEN, circuit.state(), "one of two trial successes");
    circuit.succeeded();
    assertEquals(State.CLOSED, circuit.state());
  }

  @Test
  void aFailedTrialOpensItAgain() {
    InferredCircuit circuit = new InferredCircuit("c", 2);
    circuit.refused();
    circuit.succeeded();
    circuit.failed();
    assertEquals(State.OPEN, circuit.state());
    circuit.succeeded();
    assertEquals(State.HALF_OPEN, circuit.state(), "the trial count starts again");
  }

  @Test
  void theBreakersOwnListsDecideWhatCountsAsAFailure() throws NoSuchMethodException {
    CircuitBreaker breaker =
        GrpcDistanceWorkerClient.class
            .getMethod("jobStatus", String.class)
            .getAnnotation(CircuitBreaker.class);
    assertTrue(CircuitStateInterceptor.counted(breaker, new WorkerUnavailableException("x", null)));
    assertTrue(CircuitStateInterceptor.counted(breaker, new TimeoutException()));
    assertFalse(
        CircuitStateInterceptor.counted(
            breaker, new WorkerException(WorkerException.Kind.NOT_FOUND, "x", null)),
        "a business answer counts as a success");
    assertFalse(CircuitStateInterceptor.counted(breaker, new BulkheadException()));
  }

  @Test
  void theGaugeReportsOneForTheCurrentStateOfEachCircuit() throws NoSuchMethodException {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build();
    WorkerCircuitStates states =
        new WorkerCircuitStates(
            sdk,
            key ->
                key.equals(
                        "io.oteldemo.worker.GrpcDistanceWorkerClient/calculate/CircuitBreaker/successThreshold")
                    ? Optional.of("1")
                    : Optional.empty());
    InferredCircuit calculate =
        states.of(
            GrpcDistanceWorkerClient.class.getMethod(
                "calculate", java.time.LocalDate.class, Optional.class));
    calculate.refused();

    assertEquals(
        Map.of("closed", 0L, "half_open", 0L, "open", 1L), gauge(reader), "open after a refusal");
    calculate.succeeded();
    assertEquals(
        Map.of("closed", 1L, "half_open", 0L, "open", 0L),
        gauge(reader),
        "closed after one success: the configured successThreshold, not the annotation's 2");
  }

  private static Map<String, Long> gauge(InMemoryMetricReader reader) {
    Map<String, Long> byState = new TreeMap<>();
    reader.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals(WorkerCircuitStates.STATE))
        .flatMap(metric -> metric.getLongGaugeData().getPoints().stream())
        .forEach(
            point -> {
              Attributes attributes = point.getAttributes();
              assertEquals(
                  "io.oteldemo.worker.GrpcDistanceWorkerClient.calculate",
                  attributes.get(WorkerCircuitStates.CIRCUIT));
              byState.put(attributes.get(WorkerCircuitStates.STATE_KEY), valueOf(point));
            });
    return byState;
  }

  private static long valueOf(LongPointData point) {
    return point.getValue();
  }
}
