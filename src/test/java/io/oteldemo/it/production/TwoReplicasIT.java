package io.oteldemo.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import io.oteldemo.it.TestTokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas on one Redis Cluster agree: on rate limits, idempotency keys, jobs, coalescing and
 * kept results, whichever replica a request reaches ({@link ReplicaPair}).
 */
@ExtendWith(ReplicaPair.Deployment.class)
class TwoReplicasIT {

  private static final String PHONE_DAY =
      "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}";

  private final ReplicaPair pair;
  private final String token = TestTokens.accessToken(TestTokens.newUser());
  private final ApiClient onA;
  private final ApiClient onB;

  TwoReplicasIT(ReplicaPair pair) {
    this.pair = pair;
    onA = pair.a().withToken(token);
    onB = pair.b().withToken(token);
  }

  @AfterEach
  void healthyWorker() {
    pair.worker().faults().clear();
  }

  @Test
  void aRateLimitSplitBetweenReplicasIsExact() {
    int requests = 3 * ReplicaPair.DOWNLOAD_LIMIT;
    Map<Boolean, Long> limited = new java.util.HashMap<>();
    for (int i = 0; i < requests; i++) {
      ApiClient replica = i % 2 == 0 ? onA : onB;
      int status = replica.get("/api/distance/download/distance_20260125.csv").status();
      limited.merge(status == 429, 1L, Long::sum);
    }
    assertEquals(
        Map.of(
            false,
            (long) ReplicaPair.DOWNLOAD_LIMIT,
            true,
            (long) requests - ReplicaPair.DOWNLOAD_LIMIT),
        limited,
        "exactly the limit let through across both replicas, the rest 429");
  }

  @Test
  void anIdempotencyKeyUsedOnAReplaysOnB() {
    String key = UUID.randomUUID().toString();
    ApiClient.Answer first = withKey(onA, key);
    ApiClient.Answer replay = withKey(onB, key);

    assertEquals(202, first.status(), () -> "accepted on A: " + first);
    assertNull(first.header("Idempotent-Replayed"));
    assertEquals("true", replay.header("Idempotent-Replayed"), () -> "replayed on B: " + replay);
    assertEquals(first.json().getString("job_id"), replay.json().getString("job_id"));
  }

  @Test
  void aJobCreatedOnAIsReadListedAndDownloadedOnB() {
    String jobId = JobPolling.submit(onA, PHONE_DAY);

    JsonObject finished = JobPolling.awaitFinished(onB, jobId);
    assertEquals("completed", finished.getString("status"), () -> "read on B: " + finished);
    List<String> listed =
        onB
            .get("/api/distance/jobs")
            .json()
            .getJsonArray("jobs")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(job -> job.getString("job_id"))
            .toList();
    assertTrue(listed.contains(jobId), () -> "listed on B: " + listed);
    ApiClient.Answer file = onB.get(finished.getJsonObject("result").getString("csv_download_url"));
    assertEquals(200, file.status(), () -> "downloaded on B: " + file);
  }

  @Test
  void identicalRequestsOnAAndBCoalesceIntoOneJob() throws Exception {
    // A job that stays running, so that every request meets it, and a worker slow to accept, so
    // that the requests also meet while the first is being queued.
    pair.worker().faults().delay(WorkerFaultsIT.CALCULATE, Duration.ofMillis(300));
    int calculationsBefore = pair.worker().faults().calls(WorkerFaultsIT.CALCULATE);
    String body = "{\"date\":\"2026-01-24\",\"device_id\":\"" + TestWorker.HELD_DEVICE + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ApiClient.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ApiClient replica = i % 2 == 0 ? onA : onB;
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return replica.postJson("/api/distance/calculate", body);
                }));
      }
      go.countDown();
      List<String> jobIds = new ArrayList<>();
      for (Future<ApiClient.Answer> answer : answers) {
        ApiClient.Answer accepted = answer.get(30, TimeUnit.SECONDS);
        assertEquals(202, accepted.status(), () -> "accepted: " + accepted);
        jobIds.add(accepted.json().getString("job_id"));
      }
      assertEquals(1, jobIds.stream().distinct().count(), () -> "one job for all: " + jobIds);
      assertEquals(
          1,
          pair.worker().faults().calls(WorkerFaultsIT.CALCULATE) - calculationsBefore,
          "one calculation on the worker");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFinishedJobKeptByAIsAnsweredByBWithoutTheWorker() {
    String jobId = JobPolling.submit(onA, "{\"date\":\"2026-01-20\"}");
    JsonObject keptByA = JobPolling.awaitFinished(onA, jobId);

    int statusCallsBefore = pair.worker().faults().calls(WorkerFaultsIT.JOB_STATUS);
    ApiClient.Answer onBWithoutWorker = onB.get("/api/distance/jobs/" + jobId);

    assertEquals(200, onBWithoutWorker.status(), () -> "answered by B: " + onBWithoutWorker);
    assertEquals(
        statusCallsBefore,
        pair.worker().faults().calls(WorkerFaultsIT.JOB_STATUS),
        "B asked the worker nothing");
    assertEquals(
        withoutTraceId(keptByA), withoutTraceId(onBWithoutWorker.json()), "B answers what A kept");
  }

  private static ApiClient.Answer withKey(ApiClient replica, String key) {
    HttpRequest request =
        replica
            .request("/api/distance/calculate")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(PHONE_DAY))
            .build();
    return replica.send(request);
  }

  private static Map<String, String> withoutTraceId(JsonObject answer) {
    return answer.entrySet().stream()
        .filter(member -> !member.getKey().equals("trace_id"))
        .collect(Collectors.toMap(Map.Entry::getKey, member -> member.getValue().toString()));
  }
}
