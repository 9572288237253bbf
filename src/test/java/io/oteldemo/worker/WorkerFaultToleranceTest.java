package io.oteldemo.worker;

import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_DELAY_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_FAILURE_RATIO;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_SUCCESSES;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_VOLUME;
import static io.oteldemo.worker.WorkerFaultTolerance.BULKHEAD_READS;
import static io.oteldemo.worker.WorkerFaultTolerance.BULKHEAD_WORK;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRIES;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_DELAY_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_JITTER_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_MAX_DURATION_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.TIMEOUT_MILLIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.deploy.ProjectFiles;
import io.oteldemo.download.WorkerDownloadClient;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The Fault Tolerance numbers around the worker have one source, {@link WorkerFaultTolerance}:
 * every annotation carries its values, and the documented defaults are the same.
 */
class WorkerFaultToleranceTest {

  private static final List<Class<?>> GUARDED =
      List.of(GrpcDistanceWorkerClient.class, WorkerDownloadClient.class);
  private static final Set<String> WORK = Set.of("calculate", "open");

  @Test
  void everyAnnotationAroundTheWorkerCarriesTheOneSourcesValues() {
    int breakers = 0;
    for (Class<?> type : GUARDED) {
      for (Method method : type.getDeclaredMethods()) {
        CircuitBreaker breaker = method.getAnnotation(CircuitBreaker.class);
        if (breaker == null) {
          continue;
        }
        breakers++;
        String name = type.getSimpleName() + "." + method.getName();
        assertEquals(BREAKER_VOLUME, breaker.requestVolumeThreshold(), name);
        assertEquals(BREAKER_FAILURE_RATIO, breaker.failureRatio(), name);
        assertEquals(BREAKER_DELAY_MILLIS, breaker.delay(), name);
        assertEquals(ChronoUnit.MILLIS, breaker.delayUnit(), name);
        assertEquals(BREAKER_SUCCESSES, breaker.successThreshold(), name);
        boolean work = WORK.contains(method.getName());
        assertEquals(work ? BULKHEAD_WORK : BULKHEAD_READS, bulkhead(method), name);
        Timeout timeout = method.getAnnotation(Timeout.class);
        if (timeout != null) {
          assertEquals(TIMEOUT_MILLIS, timeout.value(), name);
          assertEquals(ChronoUnit.MILLIS, timeout.unit(), name);
        }
        Retry retry = method.getAnnotation(Retry.class);
        if (retry != null) {
          assertEquals(RETRIES, retry.maxRetries(), name);
          assertEquals(RETRY_DELAY_MILLIS, retry.delay(), name);
          assertEquals(RETRY_JITTER_MILLIS, retry.jitter(), name);
          assertEquals(RETRY_MAX_DURATION_MILLIS, retry.maxDuration(), name);
        }
      }
    }
    assertEquals(4, breakers, "calculate, jobStatus, listJobs and the download's open");
  }

  @Test
  void theConfigurationGuideDocumentsTheSameDefaults() {
    String guide = ProjectFiles.readString(Path.of("docs/CONFIGURATION.md"));
    String client = "`io.oteldemo.worker.GrpcDistanceWorkerClient/<method>/";
    for (String documented :
        List.of(
            client + "Timeout/value` | `" + TIMEOUT_MILLIS + "` (ms)",
            "Fault Tolerance `Timeout/value` (" + TIMEOUT_MILLIS / 1000 + " s)",
            client + "Retry/maxRetries` | `" + RETRIES + "`",
            "`…/Retry/delay` (`" + RETRY_DELAY_MILLIS + "` ms)",
            "`…/Retry/jitter` (`" + RETRY_JITTER_MILLIS + "` ms)",
            "`…/Retry/maxDuration` (`" + RETRY_MAX_DURATION_MILLIS + "` ms)",
            client + "CircuitBreaker/delay` | `" + BREAKER_DELAY_MILLIS + "` (ms)",
            "`…/CircuitBreaker/requestVolumeThreshold` (`" + BREAKER_VOLUME + "`)",
            "`…/failureRatio` (`" + BREAKER_FAILURE_RATIO + "`)",
            "`…/successThreshold` (`" + BREAKER_SUCCESSES + "`)",
            client
                + "Bulkhead/value` | `"
                + BULKHEAD_WORK
                + "` (`calculate`), `"
                + BULKHEAD_READS
                + "` (`jobStatus`, `listJobs`)")) {
      assertTrue(
          guide.contains(documented), () -> "docs/CONFIGURATION.md should say " + documented);
    }
  }

  @Test
  void theBehaviourGuidesTableShowsTheSameDefaults() {
    String guide = ProjectFiles.readString(Path.of("docs/BEHAVIOUR.md"));
    String breaker =
        BREAKER_VOLUME
            + " calls, "
            + Math.round(BREAKER_FAILURE_RATIO * 100)
            + " % failures, open "
            + BREAKER_DELAY_MILLIS / 1000
            + " s, "
            + BREAKER_SUCCESSES
            + " trial successes";
    String retry =
        RETRIES
            + " retries, "
            + RETRY_DELAY_MILLIS
            + " ms ± "
            + RETRY_JITTER_MILLIS
            + " ms, at most "
            + RETRY_MAX_DURATION_MILLIS / 1000
            + " s";
    for (String documented :
        List.of(
            "| " + TIMEOUT_MILLIS / 1000 + " s | none | " + breaker + " | " + BULKHEAD_WORK + " |",
            "| " + retry + ", on UNAVAILABLE only | same | " + BULKHEAD_READS + " |",
            "(HTTP timeout: `DISTANCE_SERVICE_TIMEOUT`) | same, on a refused or timed-out"
                + " connection | same | "
                + BULKHEAD_WORK
                + " |")) {
      assertTrue(guide.contains(documented), () -> "docs/BEHAVIOUR.md should say " + documented);
    }
  }

  private static int bulkhead(Method method) {
    return method.getAnnotation(Bulkhead.class).value();
  }
}
