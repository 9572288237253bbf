package io.oteldemo.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import io.oteldemo.it.TestTokens;
import io.oteldemo.it.production.ReceivedCalls.ReceivedCall;
import io.oteldemo.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trace crosses the process boundary: the trace id the worker extracts from the gRPC metadata
 * is the one in our HTTP answer, its parent is our CLIENT span, and that span (read from the
 * server's logging span exporter) carries the RPC semantic-convention attributes and nothing
 * personal. Log lines written for the request carry its trace and span id.
 */
@ExtendWith(ProductionLikeDeployment.class)
class TracePropagationIT {

  private static final Pattern SPAN_ID = Pattern.compile("span_id=[0-9a-f]{16}");

  private final ProductionServer server;
  private final String sub = TestTokens.newUser();
  private final String token = TestTokens.accessToken(sub);
  private final ApiClient user;

  /** The user's job: without one, listing asks the worker nothing. */
  private String job;

  TracePropagationIT(ProductionServer server) {
    this.server = server;
    this.user = server.withToken(token);
  }

  @BeforeEach
  void healthyWorkerAndAJob() {
    server.settle();
    job = JobPolling.submit(user, "{\"date\":\"2026-01-25\"}");
  }

  @Test
  void theWorkerContinuesTheTraceOfTheHttpRequestUnderOurClientSpan() {
    ApiClient.Answer status = user.get("/api/distance/jobs/" + job);
    assertEquals(200, status.status(), () -> "status: " + status);
    String traceId = status.json().getString("trace_id");

    List<ReceivedCall> calls = server.worker().received().ofTrace(traceId);
    assertEquals(1, calls.size(), () -> "one call of trace " + traceId + " reached the worker");
    ReceivedCall call = calls.get(0);
    assertEquals(WorkerFaultsIT.JOB_STATUS, call.method());
    assertTrue(call.sampled(), "sampled, as our span is");

    String span = clientSpan("GetJobStatus", traceId, call.parentSpanId());
    assertAttribute(span, "rpc.system", "grpc");
    assertAttribute(span, "rpc.service", "distance.v1.DistanceService");
    assertAttribute(span, "rpc.method", "GetJobStatus");
    assertAttribute(span, "rpc.grpc.status_code", "0");
    assertAttribute(span, "server.address", "127.0.0.1");
    assertAttribute(span, "server.port", String.valueOf(server.worker().grpcPort()));
    assertAttribute(span, "distance.job_id", job);
    assertTrue(
        Pattern.compile("distance\\.job_status=(queued|processing|completed|failed)")
            .matcher(span)
            .find(),
        () -> "distance.job_status on " + span);
    assertFalse(
        span.contains(sub) || span.contains(token) || span.contains("@"),
        () -> "nothing personal on the span: " + span);
  }

  @Test
  void aTraceStartedByTheCallerReachesTheWorker() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
    ApiClient.Answer answer =
        user.send(
            user.request("/api/distance/jobs").header("traceparent", traceparent).GET().build());

    assertEquals(200, answer.status(), () -> "list: " + answer);
    assertEquals(traceId, answer.json().getString("trace_id"));
    assertEquals(traceId, answer.header("x-trace-id"));
    assertEquals(
        1,
        server.worker().received().ofTrace(traceId).size(),
        "the worker joined the caller's trace");
  }

  @Test
  void eachRetryIsASpanOfItsOwnInTheSameTrace() {
    server
        .worker()
        .faults()
        .answerByCall(
            WorkerFaultsIT.LIST_JOBS,
            call -> call == 1 ? Optional.of(Status.UNAVAILABLE) : Optional.empty());
    ApiClient.Answer answer = user.get("/api/distance/jobs");
    assertEquals(200, answer.status(), () -> "list: " + answer);
    String traceId = answer.json().getString("trace_id");

    List<ReceivedCall> calls = server.worker().received().ofTrace(traceId);
    assertEquals(2, calls.size(), "the failed attempt and the retry");
    assertNotEquals(
        calls.get(0).parentSpanId(),
        calls.get(1).parentSpanId(),
        "each attempt has its own CLIENT span");
    assertAttribute(
        clientSpan("ListJobs", traceId, calls.get(0).parentSpanId()), "rpc.grpc.status_code", "14");
    assertAttribute(
        clientSpan("ListJobs", traceId, calls.get(1).parentSpanId()), "rpc.grpc.status_code", "0");
  }

  @Test
  void anErrorIsLoggedOnceWithTheTraceAndSpanIdsOfItsRequest() {
    server.worker().faults().answer(WorkerFaultsIT.LIST_JOBS, Status.INTERNAL);
    ApiClient.Answer answer = user.get("/api/distance/jobs");
    assertEquals(502, answer.status(), () -> "list: " + answer);
    String traceId = answer.json().getString("trace_id");

    List<String> lines = awaitLines("trace_id=" + traceId, 1);
    assertEquals(1, lines.size(), () -> "logged once: " + lines);
    assertTrue(SPAN_ID.matcher(lines.get(0)).find(), () -> "with the span id: " + lines);
    assertTrue(lines.get(0).contains("INTERNAL"), () -> "saying what failed: " + lines);
  }

  /** The logging exporter's line of the CLIENT span of {@code method} with this span id. */
  private String clientSpan(String method, String traceId, String spanId) {
    String name =
        "'distance.v1.DistanceService/" + method + "' : " + traceId + " " + spanId + " CLIENT";
    List<String> spans = awaitLines(name, 1);
    assertEquals(1, spans.size(), () -> "one span " + name + " in messages.log");
    return spans.get(0);
  }

  private static void assertAttribute(String span, String key, String value) {
    assertTrue(
        Pattern.compile("[{ ,]" + Pattern.quote(key) + "=" + Pattern.quote(value) + "[,}]")
            .matcher(span)
            .find(),
        () -> key + "=" + value + " expected on " + span);
  }

  /** The lines of messages.log that contain the text, once there are at least {@code count}. */
  private List<String> awaitLines(String text, int count) {
    return Await.value(
        () -> server.messages().stream().filter(line -> line.contains(text)).toList(),
        lines -> lines.size() >= count,
        Duration.ofSeconds(10));
  }
}
