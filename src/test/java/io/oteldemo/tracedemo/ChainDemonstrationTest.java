package io.oteldemo.tracedemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chain with steps of the test's own: a child span of the request's span per step, named for
 * it; a failing or throwing step marks its span ERROR, is reported failed, and stops nothing.
 */
class ChainDemonstrationTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final List<String> ran = new ArrayList<>();

  @AfterEach
  void close() {
    telemetry.close();
  }

  @Test
  void eachStepRunsInAChildSpanOfTheRequestNamedForTheStep() {
    ChainView view =
        run(step("first", span -> StepResult.ok("first", "fine")), step("second", inner()));

    assertEquals(ChainView.COMPLETE, view.status());
    assertEquals(List.of("first", "second"), view.steps());
    assertEquals(TRACE_ID, view.traceId());
    SpanData request = telemetry.span("GET /test");
    for (String name : List.of("first", "second")) {
      SpanData step = telemetry.span(name);
      assertEquals(request.getSpanId(), step.getParentSpanId(), name + "'s parent");
      assertEquals(StatusCode.UNSET, step.getStatus().getStatusCode(), name + " succeeded");
    }
    assertEquals(
        telemetry.span("second").getSpanId(),
        telemetry.span("inside second").getParentSpanId(),
        "what a step calls is a child of the step's span");
  }

  @Test
  void aFailedStepIsReportedAndMarkedErrorAndTheNextStepStillRuns() {
    ChainView view =
        run(
            step("first", span -> StepResult.failed("first", "did not answer")),
            step("second", span -> StepResult.ok("second", "fine")));

    assertEquals(ChainView.DEGRADED, view.status());
    assertEquals(List.of("first", "second"), ran);
    assertEquals(
        List.of(
            new StepResult("first", StepResult.FAILED, "did not answer"),
            new StepResult("second", StepResult.OK, "fine")),
        view.results());
    SpanData failed = telemetry.span("first");
    assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
    assertEquals("did not answer", failed.getStatus().getDescription());
    assertEquals(StatusCode.UNSET, telemetry.span("second").getStatus().getStatusCode());
  }

  @Test
  void aStepThatThrowsHasAnExceptionEventAndIsReportedWithoutItsMessage() {
    ChainView view =
        run(
            step(
                "first",
                span -> {
                  throw new IllegalStateException("secret internals");
                }),
            step("second", span -> StepResult.ok("second", "fine")));

    assertEquals(ChainView.DEGRADED, view.status());
    assertEquals(List.of("first", "second"), ran);
    StepResult first = view.results().get(0);
    assertEquals(StepResult.FAILED, first.outcome());
    assertTrue(!first.detail().contains("secret"), () -> "the answer hides it: " + first);
    SpanData span = telemetry.span("first");
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    List<String> events = span.getEvents().stream().map(EventData::getName).toList();
    assertEquals(List.of("exception"), events, "the exception is on the step's span");
  }

  private ChainView run(ChainStep... steps) {
    ChainDemonstration chain = new ChainDemonstration(telemetry.openTelemetry(), List.of(steps));
    Span request = telemetry.startRequestSpan();
    try (Scope ignored = request.makeCurrent()) {
      return chain.run(TRACE_ID);
    } finally {
      request.end();
    }
  }

  /** A step that starts a span of its own, as a gRPC call's CLIENT span. */
  private Function<Span, StepResult> inner() {
    return span -> {
      telemetry.openTelemetry().getTracer("test").spanBuilder("inside second").startSpan().end();
      return StepResult.ok("second", "fine");
    };
  }

  private ChainStep step(String name, Function<Span, StepResult> body) {
    return new ChainStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public StepResult run(Span span) {
        ran.add(name);
        return body.apply(span);
      }
    };
  }
}
