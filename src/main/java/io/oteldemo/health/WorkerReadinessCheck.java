package io.oteldemo.health;

import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.WorkerChannel;
import io.oteldemo.worker.WorkerHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: this pod can take requests and answer each one properly. Every pod shares the same
 * worker, so a worker outage must not take every pod out of the Service (the ingress would then
 * answer with its own error pages): the check stays UP and reports the worker's state in its data,
 * while the API answers 503 with Retry-After. Only a closed channel makes it DOWN. The health
 * endpoints are public, so the worker's address (the channel's target) is only reported when the
 * operator asks for it ({@code HEALTH_REPORT_TARGETS=true}).
 */
@Readiness
@ApplicationScoped
public class WorkerReadinessCheck implements HealthCheck {

  @Inject WorkerChannel channel;
  @Inject DistanceWorkerClient worker;

  @Inject
  @ConfigProperty(name = "HEALTH_REPORT_TARGETS")
  boolean reportTargets;

  @Override
  public HealthCheckResponse call() {
    WorkerHealth health = channel.isShutdown() ? WorkerHealth.UNREACHABLE : worker.health();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("distance-worker")
            .status(!channel.isShutdown())
            .withData("worker", health.name());
    if (reportTargets) {
      response.withData("target", channel.target());
    }
    return response.build();
  }
}
