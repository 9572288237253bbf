package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Fault Tolerance settings read beside Fault Tolerance: breaker delays and timeouts. */
class WorkerBreakerDelayTest {

  private static final String CLIENT = GrpcDistanceWorkerClient.class.getName();

  private final Map<String, String> config = new HashMap<>();

  private long retryAfterSeconds() {
    return WorkerBreakerDelay.of(
            List.of(GrpcDistanceWorkerClient.class), key -> Optional.ofNullable(config.get(key)))
        .retryAfterSeconds();
  }

  @Test
  void withoutPropertiesTheAnnotationsDelayIsAnswered() {
    assertEquals(WorkerFaultTolerance.BREAKER_DELAY_MILLIS / 1000, retryAfterSeconds());
  }

  @Test
  void theStandardPropertiesOverrideTheDelayMethodFirstThenGlobal() {
    config.put("CircuitBreaker/delay", "30000");
    assertEquals(30, retryAfterSeconds(), "global");
    config.put(CLIENT + "/CircuitBreaker/delay", "40");
    config.put(CLIENT + "/CircuitBreaker/delayUnit", "SECONDS");
    assertEquals(
        30,
        retryAfterSeconds(),
        "the class's property configures annotations on the class, not on its methods");
    config.put(CLIENT + "/calculate/CircuitBreaker/delay", "45");
    config.put(CLIENT + "/calculate/CircuitBreaker/delayUnit", "SECONDS");
    assertEquals(45, retryAfterSeconds(), "method, with its unit");
    config.put(CLIENT + "/calculate/CircuitBreaker/delay", "45500");
    config.put(CLIENT + "/calculate/CircuitBreaker/delayUnit", "millis");
    assertEquals(46, retryAfterSeconds(), "method, rounded up to whole seconds");
  }

  @Test
  void theLongestDelayOfTheBreakersIsAnsweredAtLeastOneSecond() {
    config.put(CLIENT + "/listJobs/CircuitBreaker/delay", "60000");
    assertEquals(60, retryAfterSeconds(), "an open breaker does not say whose it is");

    config.put("CircuitBreaker/delay", "10");
    config.put(CLIENT + "/listJobs/CircuitBreaker/delay", "20");
    assertEquals(1, retryAfterSeconds(), "at least 1 s");
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
