package io.oteldemo.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import io.oteldemo.it.RedisCommandLog;
import io.oteldemo.it.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finished jobs are kept in the registry (the build's Redis) and answered from it: identical after
 * the worker restarted and forgot them, and while it is down, without a worker call; the list shows
 * what is kept. A finished job's read costs one Redis round trip, an unfinished one's at most two.
 */
@ExtendWith(ProductionLikeDeployment.class)
class KeptJobsIT {

  private static final String JOBS = "/api/distance/jobs";

  private final ProductionServer server;
  private final String sub = TestTokens.newUser();
  private final ApiClient user;

  KeptJobsIT(ProductionServer server) {
    this.server = server;
    this.user = server.withToken(TestTokens.accessToken(sub));
  }

  @BeforeEach
  void healthyWorker() {
    server.settle();
  }

  @Test
  void finishedJobsReadBackIdenticalAfterTheWorkerRestartedWithoutAskingIt() {
    String done =
        JobPolling.submit(user, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");
    String failed = JobPolling.submit(user, "{\"date\":\"2026-01-20\"}");
    JsonObject doneBefore = JobPolling.awaitFinished(user, done);
    JsonObject failedBefore = JobPolling.awaitFinished(user, failed);
    assertEquals("completed", doneBefore.getString("status"), () -> "" + doneBefore);
    assertEquals("failed", failedBefore.getString("status"), () -> "" + failedBefore);
    JsonObject listBefore = user.get(JOBS).json();

    server.worker().restartForgettingJobs();
    server.worker().faults().clear();

    assertEquals(untraced(doneBefore), untraced(read(done)), "the completed job, result and all");
    assertEquals(untraced(failedBefore), untraced(read(failed)), "the failed job, message and all");
    assertEquals(untraced(listBefore), untraced(user.get(JOBS).json()), "the list");
    assertEquals(0, server.worker().faults().calls(WorkerFaultsIT.JOB_STATUS), "no status asked");
    assertEquals(0, server.worker().faults().calls(WorkerFaultsIT.LIST_JOBS), "no list read");
    ApiClient.Answer file =
        user.get(doneBefore.getJsonObject("result").getString("csv_download_url"));
    assertEquals(200, file.status(), () -> "its file still downloads: " + file);
  }

  @Test
  void whileTheWorkerIsDownFinishedJobsAre200UnfinishedOnes503AndTheListShowsWhatIsKept() {
    String done =
        JobPolling.submit(user, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");
    JsonObject seen = JobPolling.awaitFinished(user, done);
    // Finished on the worker too, but never seen finished here: nothing is kept of it.
    String unseen = JobPolling.submit(user, "{\"date\":\"2026-01-24\"}");

    server.worker().stop();
    try {
      assertEquals(untraced(seen), untraced(read(done)));
      ApiClient.Answer unfinished = user.get(JOBS + "/" + unseen);
      assertEquals(503, unfinished.status(), () -> "not known to be final: " + unfinished);

      ApiClient.Answer list = user.get(JOBS);
      assertEquals(200, list.status(), () -> "the list while the worker is down: " + list);
      Map<String, String> statuses =
          list.json().getJsonArray("jobs").getValuesAs(JsonObject.class).stream()
              .collect(
                  Collectors.toMap(job -> job.getString("job_id"), job -> job.getString("status")));
      assertEquals(Map.of(done, "completed", unseen, "queued"), statuses, "kept, and last known");
    } finally {
      server.worker().start();
    }
  }

  @Test
  void aFinishedReadIsOneRedisRoundTripAndAnUnfinishedOneAtMostTwo() {
    String done =
        JobPolling.submit(user, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");
    JobPolling.awaitFinished(user, done);
    String unseen = JobPolling.submit(user, "{\"date\":\"2026-01-24\"}");
    server.worker().faults().clear();

    List<String> finishedRead = commandsOf(done, () -> read(done));
    List<String> unfinishedRead = commandsOf(unseen, () -> read(unseen));

    assertEquals(1, finishedRead.size(), () -> "one script for a finished job: " + finishedRead);
    assertTrue(finishedRead.get(0).contains("\"EVALSHA\""), () -> "" + finishedRead);
    assertTrue(
        unfinishedRead.size() <= 2,
        () -> "the decision with the record, then keeping what the worker said: " + unfinishedRead);
    assertEquals(
        1,
        server.worker().faults().calls(WorkerFaultsIT.JOB_STATUS),
        "only the job not known to be final was asked for");
  }

  /**
   * The commands the request's clients sent for this user or job: the user's keys carry the user's
   * tag, and a job's key of the previous version ({@code job:<id>}) its id.
   */
  private List<String> commandsOf(String jobId, Runnable request) {
    try (RedisCommandLog log = RedisCommandLog.ofBuildRedis()) {
      request.run();
      return log.clientCommandsMentioning("{" + sub + "}", jobId);
    }
  }

  private JsonObject read(String jobId) {
    ApiClient.Answer answer = user.get(JOBS + "/" + jobId);
    assertEquals(200, answer.status(), () -> "job: " + answer);
    return answer.json();
  }

  /** The answer without its trace id, which is each request's own. */
  private static JsonObject untraced(JsonObject answer) {
    JsonObjectBuilder copy = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> member : answer.entrySet()) {
      if (!member.getKey().equals("trace_id")) {
        copy.add(member.getKey(), member.getValue());
      }
    }
    return copy.build();
  }
}
