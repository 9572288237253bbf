package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertTraceId;
import static io.oteldemo.it.ApiAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Looking jobs up and listing them: not-found answers, filters, order and pagination. */
public class JobQueryIT {

  /** A day and device no other test uses, so the filtered list holds exactly our jobs. */
  private static final String DAY = "2026-01-23";

  private static final String DEVICE = "iphone_stuart";
  private static final int JOBS = 3;
  private static final List<String> created = new ArrayList<>();
  private static final ApiClient api = new ApiClient();

  /**
   * Each job finishes before the next is queued: an identical request while the previous job is
   * still queued or processing would get that job instead (JOB_COALESCING).
   */
  @BeforeAll
  static void createJobs() {
    for (int i = 0; i < JOBS; i++) {
      String id =
          JobPolling.submit(api, "{\"date\":\"" + DAY + "\",\"device_id\":\"" + DEVICE + "\"}");
      JobPolling.awaitFinished(api, id);
      created.add(0, id);
    }
  }

  @Test
  void unknownJobIdIs404() {
    assertError(api.get("/api/distance/jobs/" + UUID.randomUUID()), 404, "NOT_FOUND");
  }

  @ParameterizedTest
  @CsvSource({"42", "not-a-uuid", "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9"})
  void malformedJobIdIs404(String id) {
    assertError(api.get("/api/distance/jobs/" + id), 404, "NOT_FOUND");
  }

  @Test
  void filtersReturnOnlyMatchingJobsNewestFirstWithTheirTotal() {
    ApiClient.Answer answer = api.get("/api/distance/jobs?date=" + DAY + "&device_id=" + DEVICE);

    assertEquals(200, answer.status(), () -> "list: " + answer);
    JsonObject body = answer.json();
    assertTraceId(answer, body);
    assertEquals(JOBS, body.getInt("total_count"), () -> "total_count: " + body);
    assertEquals(created, ids(body), "exactly our jobs, newest first");
    for (JsonValue job : body.getJsonArray("jobs")) {
      assertEquals(DAY, job.asJsonObject().getString("date"));
      assertEquals(DEVICE, job.asJsonObject().getString("device_id"));
    }
    assertTrue(body.isNull("next_offset"), "single page: next_offset null");
    assertEquals(50, body.getInt("limit"));
    assertEquals(0, body.getInt("offset"));
  }

  @Test
  void pagesWalkTheWholeListOnceWithHonestNextOffset() {
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String query = "/api/distance/jobs?date=" + DAY + "&device_id=" + DEVICE + "&limit=1";
    int offset = 0;
    for (int page = 0; page < JOBS; page++) {
      JsonObject body = api.get(query + "&offset=" + offset).json();
      assertEquals(JOBS, body.getInt("total_count"), "total on every page");
      List<String> ids = ids(body);
      assertEquals(1, ids.size());
      assertTrue(seen.add(ids.get(0)), "no job twice");
      order.add(ids.get(0));
      if (page < JOBS - 1) {
        assertEquals(offset + 1, body.getInt("next_offset"));
        offset = body.getInt("next_offset");
      } else {
        assertTrue(body.isNull("next_offset"), "last page: next_offset null");
      }
    }
    assertEquals(created, order);
  }

  @Test
  void statusFilterKeepsOnlyThatStatus() {
    JsonObject body = api.get("/api/distance/jobs?status=completed&limit=500").json();
    assertTrue(body.getInt("total_count") >= JOBS);
    for (JsonValue job : body.getJsonArray("jobs")) {
      assertEquals("completed", job.asJsonObject().getString("status"));
    }
    JsonObject queued = api.get("/api/distance/jobs?status=queued&date=" + DAY).json();
    assertEquals(0, queued.getInt("total_count"), "our jobs are all finished");
  }

  @Test
  void offsetPastTheEndGivesAnEmptyLastPage() {
    JsonObject body =
        api.get("/api/distance/jobs?date=" + DAY + "&device_id=" + DEVICE + "&offset=10").json();
    assertEquals(0, body.getJsonArray("jobs").size());
    assertEquals(JOBS, body.getInt("total_count"));
    assertTrue(body.isNull("next_offset"));
  }

  @ParameterizedTest
  @CsvSource({
    "status=done, status",
    "date=2026-02-30, date",
    "date=26-01-25, date",
    "device_id=bad-id, device_id",
    "limit=0, limit",
    "limit=501, limit",
    "limit=ten, limit",
    "offset=-1, offset",
    "offset=x, offset"
  })
  void invalidParameterIs400NamingIt(String parameter, String name) {
    assertValidationError(api.get("/api/distance/jobs?" + parameter), name, name);
  }

  private static List<String> ids(JsonObject body) {
    return body.getJsonArray("jobs").stream()
        .map(job -> job.asJsonObject().getString("job_id"))
        .toList();
  }
}
