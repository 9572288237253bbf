package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.Await;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trace demonstrations of otel-ui's OTel Testing page against the build's server (embedded
 * worker, sample data, the build's Redis): their shapes, the trace id of body and header, the rate
 * limit and its headers, and the token each needs.
 */
public class TraceDemoIT {

  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$]+\\(");

  private final ApiClient user = new ApiClient();

  @ParameterizedTest
  @ValueSource(strings = {"/chain", "/slow", "/error"})
  void withoutATokenIs401(String path) {
    assertError(ApiClient.anonymous().get(path), 401, "UNAUTHORIZED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/chain", "/slow", "/error"})
  void aUserOutsideTheRequiredGroupIs403(String path) {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("cognito:groups", List.of("other-group"));
    assertError(ApiClient.withToken(TestTokens.sign(claims)).get(path), 403, "FORBIDDEN");
  }

  @Test
  void theChainNamesItsStepsAndEachSucceedsOnRealComponents() {
    ApiClient.Answer answer = user.get("/chain");

    assertEquals(200, answer.status(), () -> "chain: " + answer);
    JsonObject body = answer.json();
    assertEquals("complete", body.getString("status"), () -> "every step succeeded: " + answer);
    List<String> steps = body.getJsonArray("steps").getValuesAs(JsonString::getString);
    assertEquals(List.of("location_store_status", "redis_ping", "worker_health_check"), steps);
    List<JsonObject> results = body.getJsonArray("results").getValuesAs(JsonObject.class);
    assertEquals(steps, results.stream().map(result -> result.getString("name")).toList());
    results.forEach(
        result -> assertEquals("ok", result.getString("outcome"), () -> "outcome of " + result));
    assertEquals("PONG", results.get(1).getString("detail"), "Redis answered the round trip");
    assertEquals("SERVING", results.get(2).getString("detail"), "the worker's health");
    assertTraceId(answer, body);
    assertLimited(answer);
  }

  @Test
  void slowAnswersAfterItsDelayWithinTheRangeTheUiExpects() {
    long started = System.nanoTime();
    ApiClient.Answer answer = user.get("/slow");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertEquals(200, answer.status(), () -> "slow: " + answer);
    JsonObject body = answer.json();
    assertEquals("complete", body.getString("status"));
    assertEquals(JsonValue.ValueType.NUMBER, body.get("delay_seconds").getValueType());
    double delay = ((JsonNumber) body.get("delay_seconds")).doubleValue();
    assertTrue(delay >= 0.5 && delay <= 2.0, () -> "delay within 0.5 to 2.0 s: " + answer);
    assertTrue(
        tookMillis >= Math.round(delay * 1000),
        () -> "answered after " + tookMillis + " ms, before its delay: " + answer);
    assertTraceId(answer, body);
    assertLimited(answer);
    assertEquals("no-store", answer.header("Cache-Control"), "the resumed answer's headers");
  }

  @Test
  void errorIsA500WithTheErrorBodyLoggedOnceWithoutAStackTrace() {
    ApiClient.Answer answer = user.get("/error");
    JsonObject error = assertError(answer, 500, "INTERNAL_ERROR");
    assertTrue(
        error.getString("message").startsWith("Deliberate error"),
        () -> "says it is deliberate: " + answer);
    assertLimited(answer);
    String traceId = answer.header("x-trace-id");

    // A second call's line is the marker: once it is written, so is everything of the first.
    String marker = user.get("/error").header("x-trace-id");
    List<String> lines = linesUntil(marker);
    List<String> ofFirst = lines.stream().filter(line -> line.contains(traceId)).toList();
    assertEquals(1, ofFirst.size(), () -> "one line for the call: " + ofFirst);
    int first = lines.indexOf(ofFirst.get(0));
    List<String> after = lines.subList(first + 1, lines.size());
    assertFalse(
        after.stream().anyMatch(line -> STACK_FRAME.matcher(line).find()),
        () -> "no stack trace after the line: " + after);
  }

  @Test
  void theOpenApiDocumentDescribesEachAnswer() {
    OpenApiDocument openApi = OpenApiDocument.read();
    OpenApiDocument.assertProperties(
        openApi.getAnswer("/chain", "200"),
        Set.of("status", "steps", "results", "trace_id"),
        "GET /chain");
    OpenApiDocument.assertProperties(
        openApi.getAnswer("/slow", "200"),
        Set.of("status", "delay_seconds", "trace_id"),
        "GET /slow");
    assertEquals(
        Set.of("error", "trace_id"),
        openApi.getAnswer("/error", "500").getJsonObject("properties").keySet(),
        "GET /error answers the error body");
  }

  /** The status bucket's headers: these endpoints take from it. */
  private static void assertLimited(ApiClient.Answer answer) {
    assertNotNull(answer.header("RateLimit-Policy"), () -> "RateLimit-Policy on " + answer);
    assertNotNull(answer.header("RateLimit"), () -> "RateLimit on " + answer);
  }

  /** messages.log up to the line that holds {@code marker}, once it is there (at most 15 s). */
  private static List<String> linesUntil(String marker) {
    Duration within = Duration.ofSeconds(15);
    List<String> lines =
        Await.value(ServerLogs::messages, read -> indexOf(read, marker) >= 0, within);
    int at = indexOf(lines, marker);
    if (at < 0) {
      throw new AssertionError("messages.log has no line with " + marker + " after " + within);
    }
    return lines.subList(0, at);
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i;
      }
    }
    return -1;
  }
}
