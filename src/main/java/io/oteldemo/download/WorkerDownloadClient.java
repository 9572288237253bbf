package io.oteldemo.download;

import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_DELAY_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_FAILURE_RATIO;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_SUCCESSES;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_VOLUME;
import static io.oteldemo.worker.WorkerFaultTolerance.BULKHEAD_WORK;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRIES;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_DELAY_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_JITTER_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_MAX_DURATION_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.TIMEOUT_MILLIS;

import io.oteldemo.worker.WorkerSettings;
import io.oteldemo.worker.WorkerTimeoutException;
import io.oteldemo.worker.WorkerUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Downloads proxied from the worker's HTTP endpoint, under the same rules as its gRPC calls: the
 * HTTP timeout ({@code DISTANCE_SERVICE_TIMEOUT}) fires before {@code @Timeout}; a GET is safe to
 * repeat, so an unreachable worker is retried; the breaker counts only an unreachable or slow
 * worker; a full bulkhead answers at once. Tunable through the standard properties, e.g. {@code
 * io.oteldemo.download.WorkerDownloadClient/open/CircuitBreaker/delay}.
 */
@ApplicationScoped
@Typed(WorkerDownloadClient.class)
public class WorkerDownloadClient {

  @Inject WorkerSettings settings;

  private WorkerHttpCsvSource source;

  @PostConstruct
  void init() {
    settings.requireTimeoutsAboveDeadline(WorkerDownloadClient.class);
    source = new WorkerHttpCsvSource(settings.httpUrl(), settings.timeout());
  }

  @PreDestroy
  void close() {
    source.close();
  }

  @Timeout(value = TIMEOUT_MILLIS, unit = ChronoUnit.MILLIS)
  @Retry(
      maxRetries = RETRIES,
      delay = RETRY_DELAY_MILLIS,
      jitter = RETRY_JITTER_MILLIS,
      maxDuration = RETRY_MAX_DURATION_MILLIS,
      retryOn = WorkerUnavailableException.class,
      abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_VOLUME,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_DELAY_MILLIS,
      successThreshold = BREAKER_SUCCESSES,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(BULKHEAD_WORK)
  public Optional<CsvFile> open(String checkedName) {
    return source.open(checkedName);
  }
}
