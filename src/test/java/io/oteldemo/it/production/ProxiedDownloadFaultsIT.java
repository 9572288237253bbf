package io.oteldemo.it.production;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Downloads proxied from the worker's HTTP endpoint (no shared volume): the file streams through,
 * and the worker's failures get the same answers and the same policies as its gRPC calls.
 */
@ExtendWith(ProductionLikeDeployment.class)
class ProxiedDownloadFaultsIT {

  private final ProductionServer server;
  private final WorkerDownloadEndpoint endpoint;
  private final ApiClient user;
  private String downloadPath;

  ProxiedDownloadFaultsIT(ProductionServer server) {
    this.server = server;
    this.endpoint = server.worker().downloads();
    this.user = server.newUser();
  }

  @BeforeEach
  void aCompletedJob() {
    server.settle();
    String job =
        JobPolling.submit(user, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");
    JsonObject finished = JobPolling.awaitFinished(user, job);
    assertEquals("completed", finished.getString("status"), () -> "job: " + finished);
    downloadPath = finished.getJsonObject("result").getString("csv_download_url");
    assertNotNull(downloadPath);
    endpoint.clear();
  }

  @Test
  void theWorkersFileStreamsThrough() {
    ApiClient.Answer answer = user.get(downloadPath);
    assertEquals(200, answer.status(), () -> "download: " + answer);
    assertTrue(answer.body().startsWith("timestamp,device_id,"), () -> "CSV: " + answer.body());
    assertTrue(answer.body().lines().count() > 1, "with rows");
    assertEquals(1, endpoint.requests());
  }

  @Test
  void theWorkersDownloadContinuesTheRequestsTrace() {
    ApiClient.Answer answer = user.get(downloadPath);
    assertEquals(200, answer.status(), () -> "download: " + answer);
    String traceId = answer.header("x-trace-id");
    assertNotNull(traceId, "x-trace-id");

    List<String> traceparents = endpoint.traceparents();
    assertEquals(1, traceparents.size());
    assertEquals(
        traceId,
        traceparents.get(0).split("-")[1],
        () -> "the worker's download is in the request's trace: " + traceparents);
  }

  @Test
  void anotherUsersDownloadIs404AndNeverReachesTheWorker() {
    ApiClient other = server.newUser();
    ApiClient.Answer guessed = other.get(downloadPath);
    ApiClient.Answer missing =
        other.get("/api/distance/download/distance_19000102_iphone_stuart.csv");

    assertError(guessed, 404, "NOT_FOUND");
    assertEquals(
        assertError(missing, 404, "NOT_FOUND").keySet(),
        assertError(guessed, 404, "NOT_FOUND").keySet(),
        "the answer of a missing file");
    assertEquals(0, endpoint.requests(), "the worker is not asked for another user's file");
  }

  @Test
  void aFailingWorkerIs502AndNotRetried() {
    endpoint.failWith(500);
    assertError(user.get(downloadPath), 502, "BAD_GATEWAY");
    assertEquals(1, endpoint.requests(), "a failed answer is not retried");
  }

  @Test
  void aSlowWorkerIs504AfterTheTimeout() {
    endpoint.delay(Duration.ofMillis(1_500));
    assertError(user.get(downloadPath), 504, "GATEWAY_TIMEOUT");
    assertEquals(1, endpoint.requests(), "a passed deadline is not retried");
  }

  @Test
  void anUnreachableWorkerIs503WithRetryAfterAndItsBreakerOpens() {
    endpoint.stop();
    ApiClient.Answer down = user.get(downloadPath);
    assertError(down, 503, "SERVICE_UNAVAILABLE");
    assertNotNull(down.header("Retry-After"), () -> "Retry-After of " + down);

    endpoint.start();
    ApiClient.Answer whileOpen = user.get(downloadPath);
    assertError(whileOpen, 503, "SERVICE_UNAVAILABLE");
    assertEquals(0, endpoint.requests(), "the open breaker answers without calling the worker");
  }
}
