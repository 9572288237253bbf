package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.regex.Pattern;

/** Assertions on the API's shared contract: error body and trace id. */
public final class ApiAssertions {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

  private ApiAssertions() {}

  /** Asserts status and error code; returns the error object for further checks. */
  public static JsonObject assertError(ApiClient.Answer answer, int status, String code) {
    assertEquals(status, answer.status(), () -> "status of " + answer);
    String contentType = answer.header("Content-Type");
    assertTrue(
        contentType != null && contentType.startsWith("application/json"),
        () -> "JSON error body expected, Content-Type was " + contentType + " in " + answer);
    JsonObject body = answer.json();
    JsonObject error = body.getJsonObject("error");
    assertNotNull(error, () -> "error object expected in " + answer);
    assertEquals(code, error.getString("code"), () -> "error code of " + answer);
    assertTrue(!error.getString("message", "").isBlank(), () -> "a message expected in " + answer);
    assertTraceId(answer, body);
    return error;
  }

  /** The body's trace_id is a real W3C trace id and equals the x-trace-id header. */
  public static void assertTraceId(ApiClient.Answer answer, JsonObject body) {
    String traceId = body.getString("trace_id", null);
    assertNotNull(traceId, () -> "trace_id expected in " + answer);
    assertTrue(
        TRACE_ID.matcher(traceId).matches() && !traceId.equals("0".repeat(32)),
        () -> "a W3C trace id expected, got " + traceId);
    assertEquals(traceId, answer.header("x-trace-id"), () -> "x-trace-id header of " + answer);
  }

  public static void assertValidationError(
      ApiClient.Answer answer, String field, String messagePart) {
    JsonObject error = assertError(answer, 400, "VALIDATION_ERROR");
    assertEquals(
        field,
        error.getJsonObject("details").getString("field"),
        () -> "details.field of " + answer);
    assertTrue(
        error.getString("message").toLowerCase().contains(messagePart.toLowerCase()),
        () -> "message should mention '" + messagePart + "': " + answer);
  }
}
