package io.oteldemo.health;

import io.oteldemo.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports where rate limits are decided and how many requests Redis could not decide. It is always
 * UP: the fail mode, not the probe, says what a Redis outage does to requests.
 */
@Readiness
@ApplicationScoped
public class RateLimitReadinessCheck implements HealthCheck {

  @Inject RateLimiter limiter;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("rate-limits").up();
    limiter.report().forEach((key, value) -> response.withData(key, String.valueOf(value)));
    return response.build();
  }
}
