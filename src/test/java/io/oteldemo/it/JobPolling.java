package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.Await;
import jakarta.json.JsonObject;
import java.time.Duration;

/** Creates jobs and polls them to the end, as a client of the API would. */
public final class JobPolling {

  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private JobPolling() {}

  public static String submit(ApiClient api, String body) {
    ApiClient.Answer answer = api.postJson("/api/distance/calculate", body);
    assertEquals(202, answer.status(), () -> "calculation should be accepted: " + answer);
    return answer.json().getString("job_id");
  }

  /** Polls until the job is completed or failed; fails the test after a bounded wait. */
  public static JsonObject awaitFinished(ApiClient api, String jobId) {
    JsonObject job = Await.value(() -> status(api, jobId), JobPolling::finished, MAX_WAIT);
    assertTrue(finished(job), () -> "job " + jobId + " did not finish within " + MAX_WAIT);
    return job;
  }

  private static JsonObject status(ApiClient api, String jobId) {
    ApiClient.Answer answer = api.get("/api/distance/jobs/" + jobId);
    assertEquals(200, answer.status(), () -> "job status: " + answer);
    return answer.json();
  }

  private static boolean finished(JsonObject job) {
    String status = job.getString("status");
    return status.equals("completed") || status.equals("failed");
  }
}
