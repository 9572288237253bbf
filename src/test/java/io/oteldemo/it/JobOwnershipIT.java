package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Jobs belong to the user who created them: nobody else can read or list them. */
public class JobOwnershipIT {

  private static final String BODY = "{\"date\":\"2026-01-26\",\"device_id\":\"iphone_stuart\"}";

  private final ApiClient alice = new ApiClient();
  private final ApiClient bob = new ApiClient();

  @Test
  void anotherUsersJobIsNotFoundLikeAnUnknownOne() {
    String jobId = JobPolling.submit(alice, BODY);
    assertEquals(200, alice.get("/api/distance/jobs/" + jobId).status());

    JsonObject error = assertError(bob.get("/api/distance/jobs/" + jobId), 404, "NOT_FOUND");
    JsonObject unknown =
        assertError(bob.get("/api/distance/jobs/" + UUID.randomUUID()), 404, "NOT_FOUND");
    assertEquals(unknown.keySet(), error.keySet(), "nothing tells that the job exists");
  }

  @Test
  void theListShowsOnlyTheCallersJobs() {
    String alices = JobPolling.submit(alice, BODY);
    String bobs = JobPolling.submit(bob, BODY);

    List<String> aliceSees = ids(alice.get("/api/distance/jobs?limit=500").json());
    List<String> bobSees = ids(bob.get("/api/distance/jobs?limit=500").json());

    assertEquals(List.of(alices), aliceSees);
    assertEquals(List.of(bobs), bobSees);
    assertFalse(bobSees.contains(alices));
    assertTrue(
        ids(new ApiClient().get("/api/distance/jobs").json()).isEmpty(), "a new user has no jobs");
  }

  private static List<String> ids(JsonObject list) {
    return list.getJsonArray("jobs").stream()
        .map(job -> job.asJsonObject().getString("job_id"))
        .toList();
  }
}
