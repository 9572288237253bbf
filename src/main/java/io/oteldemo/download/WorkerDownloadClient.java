package io.oteldemo.download;

import io.oteldemo.worker.ObservedCircuit;
import io.oteldemo.worker.WorkerCircuitBreakers;
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
@ObservedCircuit
public class WorkerDownloadClient {

  static final String OPEN = "open";

  @Inject WorkerSettings settings;
  @Inject WorkerCircuitBreakers breakers;

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

  @Timeout(value = 35_000, unit = ChronoUnit.MILLIS)
  @Retry(
      maxRetries = 2,
      delay = 200,
      jitter = 100,
      maxDuration = 10_000,
      retryOn = WorkerUnavailableException.class,
      abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 10_000,
      successThreshold = 2,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(10)
  public Optional<CsvFile> open(String checkedName) {
    try {
      return source.open(checkedName);
    } catch (WorkerUnavailableException | WorkerTimeoutException e) {
      breakers.failed(WorkerDownloadClient.class, OPEN);
      throw e;
    }
  }
}
