package io.oteldemo.health;

import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.WorkerChannel;
import io.oteldemo.worker.WorkerHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: this pod can take requests and answer each one properly. Every pod shares the
 * same worker, so a worker outage must not take every pod out of the Service (the ingress would
 * then answer with its own error pages): the check stays UP and reports the worker's state in
 * its data, while the API answers 503 with Retry-After. Only a closed channel makes it DOWN.
 */
@Readiness
@ApplicationScoped
public class WorkerReadinessCheck implements HealthCheck {

  @Inject WorkerChannel channel;
  @Inject DistanceWorkerClient worker;

  @Override
  public HealthCheckResponse call() {
    WorkerHealth health = channel.isShutdown() ? WorkerHealth.UNREACHABLE : worker.health();
    return HealthCheckResponse.named("distance-worker")
        .status(!channel.isShutdown())
        .withData("worker", health.name())
        .withData("target", channel.target())
        .build();
  }
}
