package io.oteldemo.worker;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The worker's settings, read and checked once: where it is, how long a call to it may take, where
 * its result files are served. Everything that waits on the worker (the clients, the job queue's
 * slot lock, an idempotency key's in-flight mark) takes its time from here, so {@code
 * DISTANCE_SERVICE_TIMEOUT} is read in one place.
 *
 * <p>The Fault Tolerance values stay MicroProfile Fault Tolerance's own properties; Liberty's
 * implementation has no API that answers them (its metrics report states, and {@code
 * CircuitBreakerOpenException} names no breaker or delay), so {@link #faultTolerance()} reads the
 * same keys from the injected {@link Config}, the way {@link FaultToleranceSetting} resolves them.
 */
@ApplicationScoped
public class WorkerSettings {

  static final int WORKER_HTTP_PORT = 8080;

  @Inject
  @ConfigProperty(name = "DISTANCE_SERVICE_ENDPOINT")
  String endpointSetting;

  @Inject
  @ConfigProperty(name = "DISTANCE_SERVICE_TIMEOUT")
  int timeoutSeconds;

  @Inject
  @ConfigProperty(name = "DISTANCE_WORKER_HTTP_URL")
  Optional<String> httpUrlSetting;

  @Inject Config config;

  private WorkerEndpoint endpoint;
  private Duration timeout;

  /**
   * Settings given directly, e.g. by tests: no Fault Tolerance properties beyond the annotations.
   */
  public static WorkerSettings of(String endpoint, Duration timeout) {
    WorkerSettings settings = new WorkerSettings();
    settings.endpointSetting = endpoint;
    settings.timeoutSeconds = (int) timeout.toSeconds();
    settings.httpUrlSetting = Optional.empty();
    settings.load();
    return settings;
  }

  @PostConstruct
  void load() {
    if (timeoutSeconds <= 0) {
      throw new IllegalArgumentException(
          "DISTANCE_SERVICE_TIMEOUT must be a positive number of seconds, not " + timeoutSeconds);
    }
    endpoint = WorkerEndpoint.parse(endpointSetting);
    timeout = Duration.ofSeconds(timeoutSeconds);
  }

  /** {@code DISTANCE_SERVICE_ENDPOINT}. */
  public WorkerEndpoint endpoint() {
    return endpoint;
  }

  /** {@code DISTANCE_SERVICE_TIMEOUT}: the deadline of every call to the worker. */
  public Duration timeout() {
    return timeout;
  }

  /** How long something must last that outlives {@code calls} calls to the worker. */
  public Duration outlasting(int calls) {
    return timeout.multipliedBy(calls);
  }

  /** {@code DISTANCE_WORKER_HTTP_URL}, by default port 8080 of the gRPC endpoint's host. */
  public URI httpUrl() {
    return URI.create(httpUrlSetting.orElse("http://" + endpoint.host() + ":" + WORKER_HTTP_PORT));
  }

  /** A lookup of MicroProfile Fault Tolerance's properties, for {@link FaultToleranceSetting}. */
  Function<String, Optional<String>> faultTolerance() {
    return config == null
        ? key -> Optional.empty()
        : key -> config.getOptionalValue(key, String.class);
  }

  /**
   * Stops the application at start when a {@code @Timeout} of {@code guarded}'s methods, as
   * configured, is not longer than {@code DISTANCE_SERVICE_TIMEOUT}: the deadline's answer is the
   * precise one (504, counted by the breaker, the call cancelled on the wire).
   */
  public void requireTimeoutsAboveDeadline(Class<?> guarded) {
    FaultToleranceSetting.requireTimeoutsAbove(
        guarded, timeout, "DISTANCE_SERVICE_TIMEOUT", faultTolerance());
  }
}
