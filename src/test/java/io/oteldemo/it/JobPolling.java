package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

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
    Instant deadline = Instant.now().plus(MAX_WAIT);
    while (Instant.now().isBefore(deadline)) {
      ApiClient.Answer answer = api.get("/api/distance/jobs/" + jobId);
      assertEquals(200, answer.status(), () -> "job status: " + answer);
      JsonObject job = answer.json();
      String status = job.getString("status");
      if (status.equals("completed") || status.equals("failed")) {
        return job;
      }
      pause();
    }
    return fail("job " + jobId + " did not finish within " + MAX_WAIT);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
