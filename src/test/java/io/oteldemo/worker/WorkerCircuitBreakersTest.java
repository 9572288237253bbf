package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerCircuitBreakersTest {

  private static final String CLIENT = GrpcDistanceWorkerClient.class.getName();

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-25T10:00:00Z"));
  private final Map<String, String> config = new HashMap<>();
  private final WorkerCircuitBreakers breakers =
      new WorkerCircuitBreakers(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          },
          key -> Optional.ofNullable(config.get(key)));

  @Test
  void remainingOpenTimeIsRoundedUpAndAtLeastOneSecond() {
    Duration delay = Duration.ofSeconds(10);

    assertEquals(10, WorkerCircuitBreakers.retryAfterSeconds(delay, Duration.ZERO));
    assertEquals(7, WorkerCircuitBreakers.retryAfterSeconds(delay, Duration.ofMillis(3_001)));
    assertEquals(7, WorkerCircuitBreakers.retryAfterSeconds(delay, Duration.ofSeconds(3)));
    assertEquals(1, WorkerCircuitBreakers.retryAfterSeconds(delay, Duration.ofMillis(9_999)));
    assertEquals(1, WorkerCircuitBreakers.retryAfterSeconds(delay, Duration.ofSeconds(10)));
    assertEquals(1, WorkerCircuitBreakers.retryAfterSeconds(delay, Duration.ofMillis(10_500)));
    assertEquals(1, WorkerCircuitBreakers.retryAfterSeconds(delay, Duration.ofMinutes(5)));
  }

  @Test
  void withoutAnyCountedFailureTheAnswerIsOneSecond() {
    assertEquals(1, breakers.retryAfterSeconds());
  }

  @Test
  void theAnnotationsDelayCountsFromTheLastCountedFailure() {
    breakers.failed(GrpcDistanceWorkerClient.class, GrpcDistanceWorkerClient.JOB_STATUS);
    now.set(now.get().plusSeconds(4));

    assertEquals(6, breakers.retryAfterSeconds(), "10 s annotation delay, 4 s elapsed");

    breakers.failed(GrpcDistanceWorkerClient.class, GrpcDistanceWorkerClient.JOB_STATUS);
    assertEquals(10, breakers.retryAfterSeconds(), "a later failure (re-opening) restarts it");
  }

  @Test
  void theStandardPropertiesOverrideTheDelayMethodFirstThenGlobal() {
    breakers.failed(GrpcDistanceWorkerClient.class, GrpcDistanceWorkerClient.CALCULATE);
    now.set(now.get().plusSeconds(2));

    config.put("CircuitBreaker/delay", "30000");
    assertEquals(28, breakers.retryAfterSeconds(), "global");
    config.put(CLIENT + "/CircuitBreaker/delay", "20");
    config.put(CLIENT + "/CircuitBreaker/delayUnit", "SECONDS");
    assertEquals(
        28,
        breakers.retryAfterSeconds(),
        "the class's property configures annotations on the class, not on its methods");
    config.put(CLIENT + "/calculate/CircuitBreaker/delay", "20");
    config.put(CLIENT + "/calculate/CircuitBreaker/delayUnit", "SECONDS");
    assertEquals(18, breakers.retryAfterSeconds(), "method, with its unit");
    config.put(CLIENT + "/calculate/CircuitBreaker/delay", "5000");
    config.put(CLIENT + "/calculate/CircuitBreaker/delayUnit", "millis");
    assertEquals(3, breakers.retryAfterSeconds(), "method");
  }

  @Test
  void theLongestRemainingTimeOfTheWorkersBreakersIsAnswered() {
    config.put(CLIENT + "/listJobs/CircuitBreaker/delay", "60000");
    breakers.failed(GrpcDistanceWorkerClient.class, GrpcDistanceWorkerClient.LIST_JOBS);
    now.set(now.get().plusSeconds(5));
    breakers.failed(GrpcDistanceWorkerClient.class, GrpcDistanceWorkerClient.JOB_STATUS);

    assertEquals(55, breakers.retryAfterSeconds());
  }

  @Test
  void everyGuardedMethodHasABreakerWhoseDelayIsKnown() {
    for (String method :
        new String[] {
          GrpcDistanceWorkerClient.CALCULATE,
          GrpcDistanceWorkerClient.JOB_STATUS,
          GrpcDistanceWorkerClient.LIST_JOBS
        }) {
      assertTrue(breakers.delay(GrpcDistanceWorkerClient.class, method).isPresent(), method);
    }
    assertTrue(
        breakers.delay(GrpcDistanceWorkerClient.class, "health").isEmpty(),
        "health() has no breaker");
  }

  @Test
  void theFaultToleranceTimeoutMustStayAboveTheGrpcDeadline() {
    requireTimeoutsAbove(Duration.ofSeconds(30));

    IllegalArgumentException tooShort =
        assertThrows(
            IllegalArgumentException.class, () -> requireTimeoutsAbove(Duration.ofSeconds(35)));
    assertTrue(tooShort.getMessage().contains("DISTANCE_SERVICE_TIMEOUT"), tooShort.getMessage());

    config.put(CLIENT + "/Timeout/value", "70000");
    assertThrows(
        IllegalArgumentException.class,
        () -> requireTimeoutsAbove(Duration.ofSeconds(60)),
        "the class's property does not configure the methods' own annotations");
    config.put("Timeout/value", "70000");
    requireTimeoutsAbove(Duration.ofSeconds(60));

    config.put(CLIENT + "/calculate/Timeout/value", "50");
    config.put(CLIENT + "/calculate/Timeout/unit", "SECONDS");
    assertThrows(
        IllegalArgumentException.class, () -> requireTimeoutsAbove(Duration.ofSeconds(60)));

    config.put("MP_Fault_Tolerance_NonFallback_Enabled", "false");
    requireTimeoutsAbove(Duration.ofSeconds(60));
  }

  private void requireTimeoutsAbove(Duration deadline) {
    FaultToleranceSetting.requireTimeoutsAbove(
        GrpcDistanceWorkerClient.class,
        deadline,
        "DISTANCE_SERVICE_TIMEOUT",
        key -> Optional.ofNullable(config.get(key)));
  }
}
