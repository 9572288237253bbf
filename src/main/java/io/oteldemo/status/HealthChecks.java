package io.oteldemo.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Runs the application's MicroProfile Health checks for the browser-facing {@code /health} and
 * {@code /ready}, so that they and the probes on the management port decide from the same checks.
 */
@ApplicationScoped
public class HealthChecks {

  @Inject @Any @Liveness Instance<HealthCheck> liveness;
  @Inject @Any @Readiness Instance<HealthCheck> readiness;

  /** The names of the liveness checks that are down; empty when live. */
  public List<String> notLive() {
    return down(liveness);
  }

  /** The names of the readiness checks that are down; empty when ready. */
  public List<String> notReady() {
    return down(readiness);
  }

  private static List<String> down(Instance<HealthCheck> checks) {
    return checks.stream()
        .map(HealthChecks::call)
        .filter(response -> response.getStatus() != HealthCheckResponse.Status.UP)
        .map(HealthCheckResponse::getName)
        .sorted()
        .toList();
  }

  /** A check that throws is down, as MicroProfile Health reports it. */
  private static HealthCheckResponse call(HealthCheck check) {
    try {
      return check.call();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
    }
  }
}
