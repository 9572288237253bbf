package io.oteldemo.download;

import io.oteldemo.worker.FaultToleranceSetting;
import io.oteldemo.worker.WorkerCircuitBreakers;
import io.oteldemo.worker.WorkerChannel;
import io.oteldemo.worker.WorkerTimeoutException;
import io.oteldemo.worker.WorkerUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  static final String OPEN = "open";
  static final int WORKER_HTTP_PORT = 8080;

  @Inject
  @ConfigProperty(name = "DISTANCE_WORKER_HTTP_URL")
  Optional<String> workerHttpUrl;

  @Inject
  @ConfigProperty(name = "DISTANCE_SERVICE_TIMEOUT")
  int timeoutSeconds;

  @Inject WorkerChannel workerChannel;
  @Inject WorkerCircuitBreakers breakers;

  private WorkerHttpCsvSource source;

  @PostConstruct
  void init() {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    FaultToleranceSetting.requireTimeoutsAbove(WorkerDownloadClient.class, timeout,
        "DISTANCE_SERVICE_TIMEOUT",
        key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
    source = new WorkerHttpCsvSource(baseUri(), timeout);
  }

  /** {@code DISTANCE_WORKER_HTTP_URL}, by default port 8080 of the gRPC endpoint's host. */
  URI baseUri() {
    return URI.create(workerHttpUrl.orElse(
        "http://" + workerChannel.endpoint().host() + ":" + WORKER_HTTP_PORT));
  }

  @Timeout(value = 35_000, unit = ChronoUnit.MILLIS)
  @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 10_000,
      retryOn = WorkerUnavailableException.class, abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000,
      successThreshold = 2,
      failOn = {WorkerUnavailableException.class, WorkerTimeoutException.class,
          TimeoutException.class})
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
