package io.oteldemo.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.production.OtlpSpans.Kind;
import io.oteldemo.it.production.OtlpSpans.Span;
import io.oteldemo.it.production.OtlpSpans.StatusCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trace demonstrations as their spans leave the production-like server (OTLP to {@link
 * SpanReceiver}): {@code /chain} has a child span of the request's SERVER span per step, named as
 * in the answer, with the worker's CLIENT span under its step and status ERROR exactly on the steps
 * the answer reports failed; {@code /slow}'s wait is a child span with the delay; {@code /error}'s
 * SERVER span is an error with an exception event, and the error is counted.
 */
@ExtendWith(ProductionLikeDeployment.class)
class TraceDemoSpansIT {

  private static final String HEALTH_CHECK = "grpc.health.v1.Health/Check";

  private final ProductionServer server;
  private final SpanReceiver spans;

  TraceDemoSpansIT(ProductionServer server) {
    this.server = server;
    this.spans = server.spans();
  }

  @BeforeEach
  void healthyWorker() {
    server.settle();
  }

  @Test
  void theChainHasAChildSpanPerStepMarkedErrorExactlyWhereAStepFailed() {
    ApiClient.Answer answer = server.newUser().get("/chain");
    assertEquals(200, answer.status(), () -> "chain: " + answer);
    JsonObject body = answer.json();
    List<String> steps = body.getJsonArray("steps").getValuesAs(JsonString::getString);
    assertEquals(3, steps.size(), () -> "three steps: " + answer);

    List<Span> trace =
        spans.await(
            body.getString("trace_id"),
            spans -> server(spans).isPresent() && named(spans, HEALTH_CHECK).isPresent());
    Span request = server(trace).orElseThrow(() -> new AssertionError("no SERVER span: " + trace));
    List<JsonObject> results = body.getJsonArray("results").getValuesAs(JsonObject.class);
    for (JsonObject result : results) {
      String name = result.getString("name");
      Span step = named(trace, name).orElseThrow(() -> new AssertionError("no span " + name));
      assertEquals(request.spanId(), step.parentSpanId(), () -> name + " is a child of " + request);
      assertEquals(
          result.getString("outcome").equals("failed") ? StatusCode.ERROR : StatusCode.UNSET,
          step.status(),
          () -> name + "'s status for " + result);
    }
    Span check = named(trace, HEALTH_CHECK).orElseThrow();
    assertEquals(Kind.CLIENT, check.kind());
    assertEquals(
        named(trace, "worker_health_check").orElseThrow().spanId(),
        check.parentSpanId(),
        "the worker's health check is a call of its step");
    assertEquals("redis_ping", steps.get(1), "the server shares its state through Redis");
    assertEquals(
        "PING", named(trace, "redis_ping").orElseThrow().attributes().get("db.operation.name"));
  }

  @Test
  void slowsWaitIsAChildSpanWithTheDelayItAnswered() {
    ApiClient.Answer answer = server.newUser().get("/slow");
    assertEquals(200, answer.status(), () -> "slow: " + answer);
    JsonObject body = answer.json();

    List<Span> trace =
        spans.await(
            body.getString("trace_id"),
            spans -> server(spans).isPresent() && named(spans, "delay").isPresent());
    Span wait = named(trace, "delay").orElseThrow(() -> new AssertionError("no delay: " + trace));
    assertEquals(server(trace).orElseThrow().spanId(), wait.parentSpanId());
    assertEquals(
        body.getJsonNumber("delay_seconds").doubleValue(),
        Double.parseDouble(wait.attributes().get("demo.delay_seconds")),
        () -> "the delay on " + wait);
  }

  @Test
  void errorMarksTheRequestsSpanWithAnExceptionEventAndIsCounted() {
    MetricsReceiver metrics = server.metrics();
    metrics.awaitCurrent();
    double before = metrics.value("distance.demo.errors", Map.of());
    double routeBefore =
        metrics.value("http.server.request.duration", Map.of("http.route", "/error"));

    ApiClient.Answer answer = server.newUser().get("/error");
    assertEquals(500, answer.status(), () -> "error: " + answer);

    List<Span> trace = spans.await(answer.header("x-trace-id"), spans -> server(spans).isPresent());
    Span request = server(trace).orElseThrow(() -> new AssertionError("no SERVER span: " + trace));
    assertEquals(StatusCode.ERROR, request.status(), () -> "an error: " + request);
    OtlpSpans.Event exception =
        request.events().stream()
            .filter(event -> event.name().equals("exception"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no exception event on " + request));
    assertEquals(
        "io.oteldemo.tracedemo.DeliberateError", exception.attributes().get("exception.type"));
    assertEquals(
        answer.json().getJsonObject("error").getString("message"),
        exception.attributes().get("exception.message"));
    assertEquals(
        before + 1,
        metrics.await("distance.demo.errors", Map.of(), value -> value >= before + 1),
        "counted once");
    assertTrue(
        metrics.await(
                "http.server.request.duration",
                Map.of("http.route", "/error"),
                value -> value > routeBefore)
            > routeBefore,
        "Liberty's request metric names the route /error, which the error-ratio alert leaves out");
  }

  private static Optional<Span> server(List<Span> trace) {
    return first(trace, span -> span.kind() == Kind.SERVER);
  }

  private static Optional<Span> named(List<Span> trace, String name) {
    return first(trace, span -> span.name().equals(name));
  }

  private static Optional<Span> first(List<Span> trace, Predicate<Span> wanted) {
    return trace.stream().filter(wanted).findFirst();
  }
}
