package io.oteldemo.tracedemo;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the steps of {@code GET /chain} one after the other, each in a child span of the request's
 * span named for the step. A step that fails does not stop the chain: its span gets status ERROR
 * (and an exception event when it threw), the answer reports it failed, and the next step runs, so
 * one request shows every component's state.
 */
@ApplicationScoped
public class ChainDemonstration {

  static final String INSTRUMENTATION_NAME = "io.oteldemo.tracedemo";

  @Inject OpenTelemetry openTelemetry;
  @Inject LocationStoreStep store;
  @Inject SharedStateStep sharedState;
  @Inject WorkerHealthStep worker;

  private Tracer tracer;
  private List<ChainStep> steps;

  public ChainDemonstration() {}

  ChainDemonstration(OpenTelemetry openTelemetry, List<ChainStep> steps) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.steps = List.copyOf(steps);
  }

  @PostConstruct
  void init() {
    tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
    steps = List.of(store, sharedState, worker);
  }

  /** Runs every step; the answer for a request of this trace. */
  public ChainView run(String traceId) {
    List<StepResult> results = new ArrayList<>(steps.size());
    for (ChainStep step : steps) {
      results.add(traced(step));
    }
    return ChainView.of(results, traceId);
  }

  private StepResult traced(ChainStep step) {
    String name = step.name();
    Span span = tracer.spanBuilder(name).startSpan();
    StepResult result;
    try (Scope ignored = span.makeCurrent()) {
      result = step.run(span);
    } catch (RuntimeException e) {
      // A defect, not a component's answer: the exception event on the span tells which.
      span.recordException(e);
      result = StepResult.failed(name, "failed unexpectedly; the step's span tells why");
    }
    if (!result.succeeded()) {
      span.setStatus(StatusCode.ERROR, result.detail());
    }
    span.end();
    return result;
  }
}
