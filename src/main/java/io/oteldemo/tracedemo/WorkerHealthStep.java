package io.oteldemo.tracedemo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.WorkerHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The distance worker's own health check (grpc.health.v1 {@code Check}), through the application's
 * one channel: its CLIENT span, with the {@code rpc.*} attributes, is a child of this step's span.
 */
@ApplicationScoped
class WorkerHealthStep implements ChainStep {

  static final String NAME = "worker_health_check";
  static final AttributeKey<String> HEALTH = AttributeKey.stringKey("worker.health");

  @Inject DistanceWorkerClient worker;

  WorkerHealthStep() {}

  WorkerHealthStep(DistanceWorkerClient worker) {
    this.worker = worker;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StepResult run(Span span) {
    WorkerHealth health = worker.health();
    span.setAttribute(HEALTH, health.name());
    return health == WorkerHealth.SERVING
        ? StepResult.ok(NAME, health.name())
        : StepResult.failed(NAME, health.name());
  }
}
