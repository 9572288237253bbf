package io.oteldemo.health;

import io.oteldemo.worker.WorkerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started means the configuration was accepted and the worker channel (and embedded worker) exist.
 */
@Startup
@ApplicationScoped
public class WorkerChannelStartupCheck implements HealthCheck {

  @Inject WorkerChannel channel;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("distance-worker-channel")
        .status(!channel.isShutdown())
        .withData("mode", channel.endpoint().mode().name())
        .build();
  }
}
