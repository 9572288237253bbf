package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.redis.RedisProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The server keeps the job registry and idempotency records in the build's Redis (REDIS_URL), where
 * any replica would find them; and without a key, duplicates are coalesced only while a job runs.
 */
public class SharedStateIT {

  private static final long DAY_MS = Duration.ofHours(24).toMillis();
  private static final String BODY = "{\"date\":\"2026-01-24\",\"device_id\":\"ipad_stuart\"}";

  private final String sub = UUID.randomUUID().toString();
  private final ApiClient api = ApiClient.withToken(TestTokens.accessToken(sub));

  @Test
  void aJobIsRegisteredInRedisWithItsOwnerForTheRetention() {
    String jobId = JobPolling.submit(api, BODY);

    try (UnifiedJedis redis = redis()) {
      String stored = redis.get("job:" + jobId);
      assertNotNull(stored, "job:<id> should be in Redis");
      try (JsonReader reader = Json.createReader(new StringReader(stored))) {
        JsonObject job = reader.readObject();
        assertEquals(sub, job.getString("owner"));
        assertEquals("2026-01-24", job.getString("date"));
        assertEquals("ipad_stuart", job.getString("device_id"));
      }
      assertExpiresWithinADay(redis, "job:" + jobId);
      assertExpiresWithinADay(redis, "jobs:{" + sub + "}");
      assertTrue(redis.zscore("jobs:{" + sub + "}", jobId) != null, "in the user's index");
    }
  }

  @Test
  void anIdempotencyRecordIsKeptInRedisPerUserFor24Hours() {
    String key = UUID.randomUUID().toString();
    assertEquals(202, IdempotencyIT.post(api, key, BODY).status());

    try (UnifiedJedis redis = redis()) {
      String digest = sha256(key);
      assertEquals("done", redis.hget("idem:{" + sub + "}:" + digest, "state"));
      assertExpiresWithinADay(redis, "idem:{" + sub + "}:" + digest);
    }
  }

  @Test
  void afterTheJobFinishedAnIdenticalRequestQueuesANewJob() {
    String first = JobPolling.submit(api, BODY);
    JobPolling.awaitFinished(api, first);

    String second = JobPolling.submit(api, BODY);

    assertNotEquals(first, second);
  }

  @Test
  void identicalRequestsOfDifferentUsersGetDifferentJobs() {
    String mine = JobPolling.submit(api, BODY);
    String theirs = JobPolling.submit(new ApiClient(), BODY);

    assertNotEquals(mine, theirs);
  }

  private static void assertExpiresWithinADay(UnifiedJedis redis, String key) {
    long ttl = redis.pttl(key);
    assertTrue(ttl > 0 && ttl <= DAY_MS, () -> key + " should expire within 24 h, pttl " + ttl);
  }

  private static UnifiedJedis redis() {
    return RedisProcess.attach(Integer.getInteger("it.redis.port")).client(Duration.ofSeconds(2));
  }

  private static String sha256(String value) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
