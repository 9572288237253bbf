package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertTraceId;
import static io.oteldemo.it.ApiAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.Concurrently;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on {@code POST /calculate} against the running server (its state in the
 * build's Redis). The 409 of a key whose first request is still in flight cannot be timed reliably
 * over HTTP against the fast embedded worker; it is tested on the stores against a real Redis, and
 * here only as "concurrent uses of one key queue one job".
 */
public class IdempotencyIT {

  private static final String CALCULATE = "/api/distance/calculate";
  private static final String PHONE_DAY =
      "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}";
  private static final String EVERY_DEVICE_DAY = "{\"date\":\"2026-01-25\"}";

  private final ApiClient api = new ApiClient();

  @Test
  void aRetryWithTheSameKeyAndBodyReplaysTheFirst202() {
    String key = UUID.randomUUID().toString();
    ApiClient.Answer first = post(api, key, PHONE_DAY);
    ApiClient.Answer retry = post(api, key, PHONE_DAY);

    assertEquals(202, first.status(), () -> "first: " + first);
    assertEquals(202, retry.status(), () -> "retry: " + retry);
    assertNull(first.header("Idempotent-Replayed"), "the first answer is not a replay");
    assertEquals("true", retry.header("Idempotent-Replayed"));
    JsonObject a = first.json();
    JsonObject b = retry.json();
    for (String member : List.of("job_id", "status", "queued_at", "status_url")) {
      assertEquals(a.getString(member), b.getString(member), member + " is replayed");
    }
    assertEquals(first.header("Location"), retry.header("Location"));
    assertEquals(first.header("Retry-After"), retry.header("Retry-After"));
    assertTraceId(retry, b);
    assertNotEquals(
        a.getString("trace_id"),
        b.getString("trace_id"),
        "the replay carries its own request's trace id");
  }

  @Test
  void theReplayOutlivesTheJobAndNeedsOnlyTheSameDateAndDevice() {
    String key = UUID.randomUUID().toString();
    String jobId = post(api, key, PHONE_DAY).json().getString("job_id");
    JobPolling.awaitFinished(api, jobId);

    ApiClient.Answer retry =
        post(
            api,
            "\"" + key + "\"",
            "{ \"device_id\": \"iphone_stuart\", \"date\": \"2026-01-25\", \"note\": 1 }");

    assertEquals(202, retry.status(), () -> "retry: " + retry);
    assertEquals(
        jobId,
        retry.json().getString("job_id"),
        "quoted key, other member order, unknown member: still the same request");
    assertEquals("true", retry.header("Idempotent-Replayed"));
  }

  @Test
  void theSameKeyWithADifferentBodyIs422() {
    String key = UUID.randomUUID().toString();
    assertEquals(202, post(api, key, PHONE_DAY).status());

    JsonObject error = assertError(post(api, key, EVERY_DEVICE_DAY), 422, "UNPROCESSABLE_ENTITY");
    assertEquals("Idempotency-Key", error.getJsonObject("details").getString("field"));
  }

  @Test
  void keysBelongToTheirUser() {
    String key = UUID.randomUUID().toString();
    String alices = post(api, key, PHONE_DAY).json().getString("job_id");

    ApiClient.Answer bobs = post(new ApiClient(), key, EVERY_DEVICE_DAY);

    assertEquals(202, bobs.status(), () -> "another user's key of the same name: " + bobs);
    assertNull(bobs.header("Idempotent-Replayed"));
    assertNotEquals(alices, bobs.json().getString("job_id"));
  }

  @Test
  void aKeyOver255CharactersIs400() {
    assertValidationError(post(api, "k".repeat(256), PHONE_DAY), "Idempotency-Key", "255");
  }

  @Test
  void aKeyOf255CharactersIsAccepted() {
    assertEquals(202, post(api, "k".repeat(255), PHONE_DAY).status());
  }

  @Test
  void anEmptyKeyIs400() {
    assertValidationError(post(api, "", PHONE_DAY), "Idempotency-Key", "empty");
  }

  @Test
  void anInvalidBodyDoesNotUseUpTheKey() {
    String key = UUID.randomUUID().toString();
    assertValidationError(post(api, key, "{\"date\":\"2026-02-30\"}"), "date", "calendar");

    ApiClient.Answer valid = post(api, key, PHONE_DAY);

    assertEquals(202, valid.status(), () -> "the key is still unused: " + valid);
    assertNull(valid.header("Idempotent-Replayed"));
  }

  @Test
  void concurrentUsesOfOneKeyQueueOneJob() {
    String key = UUID.randomUUID().toString();
    List<ApiClient.Answer> answers = Concurrently.run(8, i -> post(api, key, PHONE_DAY));

    Set<String> jobIds = new HashSet<>();
    for (ApiClient.Answer answer : answers) {
      if (answer.status() == 409) {
        assertError(answer, 409, "CONFLICT");
        assertTrue(Long.parseLong(answer.header("Retry-After")) > 0, "409 says when to retry");
      } else {
        assertEquals(202, answer.status(), () -> "202 or 409 expected: " + answer);
        jobIds.add(answer.json().getString("job_id"));
      }
    }
    assertTrue(jobIds.size() <= 1, () -> "one job at most: " + jobIds);
    assertEquals(202, post(api, key, PHONE_DAY).status(), "and the key then replays");
  }

  @Test
  void theOpenApiDocumentDescribesTheHeaderAndItsAnswers() {
    JsonObject calculate =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build())
            .json()
            .getJsonObject("paths")
            .getJsonObject(CALCULATE)
            .getJsonObject("post");

    JsonObject header =
        calculate.getJsonArray("parameters").stream()
            .map(parameter -> parameter.asJsonObject())
            .filter(parameter -> parameter.getString("name").equals("Idempotency-Key"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Idempotency-Key: " + calculate));
    assertEquals("header", header.getString("in"));
    assertEquals(255, header.getJsonObject("schema").getInt("maxLength"));
    JsonObject responses = calculate.getJsonObject("responses");
    assertTrue(
        responses.containsKey("409") && responses.containsKey("422"),
        () -> "409 and 422 documented: " + responses.keySet());
    assertTrue(
        responses.getJsonObject("202").getJsonObject("headers").containsKey("Idempotent-Replayed"),
        "the replay header is documented");
  }

  static ApiClient.Answer post(ApiClient client, String key, String body) {
    return client.send(
        client
            .request(CALCULATE)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
