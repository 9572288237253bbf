package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.redis.RedisProcess;
import io.oteldemo.testing.Await;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Per-user limits through the whole stack, against the Redis the build started. The server under
 * test limits downloads to a short window (it.rate.limit.download, 3 per 2 s), so a refill takes
 * seconds, not a minute.
 */
public class RateLimitIT {

  private static final String MISSING_CSV = "/api/distance/download/distance_19000101.csv";

  /**
   * A download no job can match (31 February): its 404 needs no job registry, so while Redis is
   * down only the rate limiter is without it. A real file's download needs the registry (503).
   */
  private static final String NO_SUCH_DAY_CSV = "/api/distance/download/distance_19000231.csv";

  private static final int DOWNLOADS = 3;

  @Test
  void everyLimitedAnswerCarriesExactRateLimitFields() {
    ApiClient.Answer answer = new ApiClient().get("/api/distance/jobs");

    assertEquals(200, answer.status());
    assertEquals("\"status\";q=100;w=60", answer.header("RateLimit-Policy"));
    assertEquals(
        "\"status\";r=99;t=1",
        answer.header("RateLimit"),
        "one of 100 used; a token is back within a second (100 per 60 s)");
  }

  @Test
  void calculateHasItsOwnBucket() {
    ApiClient api = new ApiClient();
    api.get("/api/distance/jobs");
    ApiClient.Answer answer =
        api.postJson(
            "/api/distance/calculate", "{\"date\":\"2026-01-24\",\"device_id\":\"ipad_stuart\"}");

    assertEquals(202, answer.status(), () -> "calculate: " + answer);
    assertEquals("\"calculate\";q=10;w=60", answer.header("RateLimit-Policy"));
    assertEquals(
        "\"calculate\";r=9;t=6",
        answer.header("RateLimit"),
        "the status request did not take from the calculate bucket");
  }

  @Test
  void overTheLimitIs429WithRetryAfterAndDetailsThenTheBucketRefills() {
    ApiClient api = new ApiClient();
    for (int i = 0; i < DOWNLOADS; i++) {
      ApiClient.Answer answer = api.get(MISSING_CSV);
      assertEquals(404, answer.status(), () -> "within the limit: " + answer);
      String rateLimit = answer.header("RateLimit");
      assertTrue(
          rateLimit.matches("\"download\";r=" + (DOWNLOADS - 1 - i) + ";t=[12]"),
          () -> "remaining counts down, full again within the 2 s window: " + rateLimit);
    }

    ApiClient.Answer limited = api.get(MISSING_CSV);

    JsonObject error = assertError(limited, 429, "RATE_LIMITED");
    JsonObject details = error.getJsonObject("details");
    assertEquals("download", details.getString("policy"));
    assertEquals(DOWNLOADS, details.getInt("limit"));
    assertEquals(2, details.getInt("window_seconds"));
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertEquals(retryAfter, details.getInt("retry_after_seconds"));
    assertTrue(retryAfter >= 1 && retryAfter <= 2, "a token is back within the window");
    assertTrue(
        limited.header("RateLimit").startsWith("\"download\";r=0;"),
        () -> "RateLimit on the 429: " + limited.header("RateLimit"));
    assertEquals("\"download\";q=3;w=2", limited.header("RateLimit-Policy"));

    Await.pause(Duration.ofSeconds(retryAfter));
    assertEquals(404, api.get(MISSING_CSV).status(), "the bucket refilled after Retry-After");
  }

  @Test
  void usersDoNotShareBuckets() {
    ApiClient first = new ApiClient();
    ApiClient second = new ApiClient();
    for (int i = 0; i <= DOWNLOADS; i++) {
      first.get(MISSING_CSV);
    }
    assertEquals(429, first.get(MISSING_CSV).status(), "the first user used up the limit");
    assertEquals(404, second.get(MISSING_CSV).status(), "the second user has a full bucket");
  }

  @Test
  void preflightsAndPublicEndpointsAreNeverLimited() {
    ApiClient anonymous = ApiClient.anonymous();
    for (int i = 0; i < 10; i++) {
      ApiClient.Answer health = anonymous.get("/health");
      assertEquals(200, health.status());
      assertNull(health.header("RateLimit-Policy"));
      ApiClient.Answer preflight =
          anonymous.send(
              anonymous
                  .request(MISSING_CSV)
                  .header("Origin", "http://localhost:3000")
                  .header("Access-Control-Request-Method", "GET")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertTrue(preflight.status() < 300, () -> "preflight: " + preflight);
      assertNull(preflight.header("RateLimit"));
    }
  }

  @Test
  void redisStoppedMidRunFailsOpenThenLimitsResumeWhenItIsBack() {
    RedisProcess redis = RedisProcess.attach(Integer.getInteger("it.redis.port"));
    ApiClient api = new ApiClient();
    redis.stop();
    try {
      for (int i = 0; i < DOWNLOADS * 3; i++) {
        ApiClient.Answer answer = api.get(NO_SUCH_DAY_CSV);
        assertEquals(404, answer.status(), () -> "failing open while Redis is down: " + answer);
        assertEquals("\"download\";q=3;w=2", answer.header("RateLimit-Policy"));
        assertNull(answer.header("RateLimit"), "no quota is known without Redis");
      }
      assertNotEquals(
          "0", readinessData("undecided_requests"), "requests decided without Redis are counted");
    } finally {
      redis.restart();
    }
    awaitLimitsResume(api);
  }

  /** After the circuit breaker's delay, Redis decides again: the user runs out of downloads. */
  private static void awaitLimitsResume(ApiClient api) {
    Await.until(
        () -> api.get(MISSING_CSV).status() == 429,
        Duration.ofSeconds(20),
        "limits did not resume after Redis came back");
  }

  private static String readinessData(String key) {
    JsonObject body = ApiClient.management().get("/health/ready").json();
    JsonObject check =
        body.getJsonArray("checks").stream()
            .map(v -> v.asJsonObject())
            .filter(c -> c.getString("name").equals("rate-limits"))
            .findFirst()
            .orElseThrow();
    String value = check.getJsonObject("data").getString(key, null);
    assertNotNull(value, () -> "readiness data " + key + ": " + check);
    return value;
  }
}
