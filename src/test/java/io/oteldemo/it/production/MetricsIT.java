package io.oteldemo.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import io.oteldemo.it.TestTokens;
import io.oteldemo.redis.RedisProcess;
import io.oteldemo.testing.Await;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our metrics as they leave the production-like server (OTLP to {@link MetricsReceiver}), after
 * driving each outcome through the API: accepted, replayed and rejected submissions with the code
 * the client got, rate-limit decisions (limited, undecided while Redis is down), Redis errors, the
 * worker's calls and circuit while it is down, and downloads.
 */
@ExtendWith(ProductionLikeDeployment.class)
class MetricsIT {

  static final String SUBMITTED = "distance.jobs.submitted";
  static final String DECISIONS = "distance.ratelimit.decisions";
  static final String CALCULATE_CIRCUIT = "io.oteldemo.worker.GrpcDistanceWorkerClient.calculate";
  static final String CIRCUIT_STATE_TIME = "ft.circuitbreaker.state.total";

  private final ProductionServer server;
  private final MetricsReceiver metrics;

  MetricsIT(ProductionServer server) {
    this.server = server;
    this.metrics = server.metrics();
  }

  @BeforeEach
  void healthyWorkerAndCurrentMetrics() {
    server.settle();
    metrics.awaitCurrent();
  }

  @Test
  void acceptedAndReplayedSubmissionsAreCountedApart() {
    double accepted = metrics.value(SUBMITTED, Map.of("outcome", "accepted"));
    double replayed = metrics.value(SUBMITTED, Map.of("outcome", "replayed"));
    ApiClient user = server.newUser();
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      ApiClient.Answer answer = user.send(calculate(user, "{\"date\":\"2026-01-24\"}", key));
      assertEquals(202, answer.status(), () -> "calculate: " + answer);
    }

    assertIncreasedBy(1, accepted, SUBMITTED, Map.of("outcome", "accepted"));
    assertIncreasedBy(1, replayed, SUBMITTED, Map.of("outcome", "replayed"));
  }

  @Test
  void rejectionsCarryTheErrorCodeTheClientGot() {
    Map<String, String> validation = Map.of("outcome", "rejected", "reason", "validation_error");
    Map<String, String> forbidden = Map.of("outcome", "rejected", "reason", "forbidden");
    double validationBefore = metrics.value(SUBMITTED, validation);
    double forbiddenBefore = metrics.value(SUBMITTED, forbidden);

    ApiClient.Answer invalid =
        server.newUser().postJson("/api/distance/calculate", "{\"date\":\"25-01-2026\"}");
    assertEquals(400, invalid.status(), () -> "invalid date: " + invalid);
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("cognito:groups", List.of("other-group"));
    ApiClient.Answer refused =
        server
            .withToken(TestTokens.sign(claims))
            .postJson("/api/distance/calculate", "{\"date\":\"2026-01-25\"}");
    assertEquals(403, refused.status(), () -> "without the required group: " + refused);

    assertIncreasedBy(1, validationBefore, SUBMITTED, validation);
    assertIncreasedBy(1, forbiddenBefore, SUBMITTED, forbidden);
  }

  @Test
  void aUserOutOfCalculationsIsLimitedAndRejectedAsRateLimited() {
    Map<String, String> limited = Map.of("route_class", "calculate", "decision", "limited");
    Map<String, String> rejected = Map.of("outcome", "rejected", "reason", "rate_limited");
    double limitedBefore = metrics.value(DECISIONS, limited);
    double rejectedBefore = metrics.value(SUBMITTED, rejected);
    ApiClient user = server.newUser();
    int refused = useUp(user);
    assertTrue(refused > 0, "the quota ran out");

    assertIncreasedBy(refused, limitedBefore, DECISIONS, limited);
    assertIncreasedBy(refused, rejectedBefore, SUBMITTED, rejected);
    assertTrue(
        metrics.value(DECISIONS, Map.of("route_class", "calculate", "decision", "allowed")) >= 600,
        "the allowed requests are counted too");
  }

  @Test
  void aStoppedWorkerIsUnavailableThenItsCircuitOpensAndClosesAgain() {
    Map<String, String> unavailable =
        Map.of("outcome", "rejected", "reason", "service_unavailable");
    Map<String, String> failedCalls =
        Map.of("rpc", "CalculateDistanceFromHome", "grpc.status_code", "UNAVAILABLE");
    double unavailableBefore = metrics.value(SUBMITTED, unavailable);
    double failedBefore = metrics.value("distance.worker.calls", failedCalls);
    assertTrue(inState("closed"), "closed while the worker is healthy");

    server.worker().stop();
    ApiClient user = server.newUser();
    for (int i = 0; i < 8; i++) {
      ApiClient.Answer answer =
          user.postJson(
              "/api/distance/calculate",
              "{\"date\":\"2025-06-15\",\"device_id\":\"down_" + i + "\"}");
      assertEquals(503, answer.status(), () -> "worker stopped: " + answer);
    }

    assertIncreasedBy(8, unavailableBefore, SUBMITTED, unavailable);
    assertTrue(
        metrics.await("distance.worker.calls", failedCalls, value -> value > failedBefore)
            > failedBefore,
        "the failed calls are recorded with their gRPC status");
    assertTrue(inState("open"), "the calculate circuit is seen open");

    server.settle();
    // The trial call and the close may fall inside one export window, in which the open and
    // half-open times still grew: the circuit is closed once an export window sees closed alone.
    assertTrue(
        Await.value(() -> inState("closed"), closed -> closed, Duration.ofSeconds(10)),
        "closed again after the trial call succeeded");
  }

  /**
   * Whether Fault Tolerance's time per state of the calculate circuit grows in {@code state} alone
   * over two exports: the state the breaker is in.
   */
  private boolean inState(String state) {
    Map<String, Long> before = timePerState();
    metrics.awaitCurrent();
    Map<String, Long> after = timePerState();
    return after.keySet().stream()
        .allMatch(each -> each.equals(state) == after.get(each) > before.getOrDefault(each, 0L));
  }

  private Map<String, Long> timePerState() {
    Map<String, Long> times = new java.util.TreeMap<>();
    for (String state : List.of("closed", "open", "halfOpen")) {
      times.put(
          state,
          (long)
              metrics.value(
                  CIRCUIT_STATE_TIME, Map.of("method", CALCULATE_CIRCUIT, "state", state)));
    }
    return times;
  }

  @Test
  void whileRedisIsDownDecisionsAreUndecidedAndItsErrorsCounted() {
    Map<String, String> undecided = Map.of("route_class", "status", "decision", "undecided");
    Map<String, String> takeErrors = Map.of("operation", "take a rate-limit token");
    Map<String, String> listErrors = Map.of("operation", "list a user's jobs");
    double undecidedBefore = metrics.value(DECISIONS, undecided);
    double takeBefore = metrics.value("distance.redis.errors", takeErrors);
    double listBefore = metrics.value("distance.redis.errors", listErrors);

    withRedisDown(
        server,
        () -> {
          ApiClient.Answer answer = server.newUser().get("/api/distance/jobs");
          assertEquals(503, answer.status(), () -> "the registry needs Redis: " + answer);
        });

    assertIncreasedBy(1, undecidedBefore, DECISIONS, undecided);
    assertTrue(
        metrics.await("distance.redis.errors", takeErrors, value -> value > takeBefore)
            > takeBefore,
        "the rate limiter's failed command is counted");
    assertTrue(
        metrics.await("distance.redis.errors", listErrors, value -> value > listBefore)
            > listBefore,
        "the registry's failed command is counted");
  }

  @Test
  void downloadsAreCountedByOutcomeWithTheBytesSent() {
    ApiClient user = server.newUser();
    String job = JobPolling.submit(user, "{\"date\":\"2026-01-25\"}");
    JobPolling.awaitFinished(user, job);
    double sent = metrics.value("distance.downloads", Map.of("outcome", "sent"));
    double notFound = metrics.value("distance.downloads", Map.of("outcome", "not_found"));
    double bytes = metrics.value("distance.downloads.sent", Map.of());

    ApiClient.Answer file = user.get("/api/distance/download/distance_20260125.csv");
    assertEquals(200, file.status(), () -> "download: " + file);
    ApiClient.Answer missing = user.get("/api/distance/download/distance_20260124.csv");
    assertEquals(404, missing.status(), () -> "another day's file: " + missing);

    assertIncreasedBy(1, sent, "distance.downloads", Map.of("outcome", "sent"));
    assertIncreasedBy(1, notFound, "distance.downloads", Map.of("outcome", "not_found"));
    long length = file.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertEquals(
        bytes + length,
        metrics.await("distance.downloads.sent", Map.of(), value -> value >= bytes + length),
        "the file's bytes");
  }

  @Test
  void aJobSeenFinishedIsCountedOnceWithItsDuration() {
    Map<String, String> completed = Map.of("status", "completed");
    double finished = metrics.value("distance.jobs.finished", completed);
    double durations = metrics.value("distance.jobs.duration", completed);
    ApiClient user = server.newUser();
    String job = JobPolling.submit(user, "{\"date\":\"2026-01-25\"}");
    JobPolling.awaitFinished(user, job);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, user.get("/api/distance/jobs/" + job).status());
    }

    assertIncreasedBy(1, finished, "distance.jobs.finished", completed);
    assertIncreasedBy(1, durations, "distance.jobs.duration", completed);
  }

  /**
   * Spends the user's calculations (600 a minute, refilled as they go) with invalid bodies, which
   * queue no job, 8 at a time, until a batch gets 429s; how many 429s it got.
   */
  private static int useUp(ApiClient user) {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      for (int batch = 0; batch < 40; batch++) {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          statuses.add(
              senders.submit(() -> user.postJson("/api/distance/calculate", "{}").status()));
        }
        int limited = 0;
        for (Future<Integer> status : statuses) {
          limited += status.get() == 429 ? 1 : 0;
        }
        if (limited > 0) {
          return limited;
        }
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } finally {
      senders.shutdownNow();
    }
  }

  /** Stops the build's Redis for the duration of {@code during}, and waits until it is back. */
  static void withRedisDown(ProductionServer server, Runnable during) {
    RedisProcess redis = RedisProcess.attach(Integer.getInteger("it.redis.port"));
    redis.stop();
    try {
      during.run();
    } finally {
      redis.restart();
    }
    ApiClient user = server.newUser();
    ProductionServer.poll(() -> user.get("/api/distance/jobs"), 200, Duration.ofSeconds(20));
  }

  private void assertIncreasedBy(
      double increase, double before, String metric, Map<String, String> attributes) {
    double after = metrics.await(metric, attributes, value -> value >= before + increase);
    assertEquals(
        before + increase,
        after,
        () -> metric + attributes + " from " + before + ": " + metrics.points(metric));
  }

  private static HttpRequest calculate(ApiClient user, String body, String key) {
    return user.request("/api/distance/calculate")
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
