package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed request, sent anonymously, is refused in our own words where the application can
 * see it (the JSON error body and the right status) and quietly whoever refuses it: at most one log
 * line however often it is sent, never a stack trace, no FFDC incident of the application's. What
 * Liberty refuses before the application answers as docs/OPERATIONS.md ("Security model") says.
 */
public class RefusalsIT {

  /** Each case is sent this often; repeats must not add log lines. */
  private static final int REPEATS = 3;

  private static final Pattern STACK_TRACE =
      Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)|^Caused by");

  /** A refused request, what its answer must be, and whether Liberty refuses it before the app. */
  record Case(String name, String request, Consumer<RawHttp.Reply> answer, boolean liberty) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> refusals() {
    return Stream.of(
        ours("Accept: ;;;", get("/api/distance/jobs", "Accept: ;;;"), "Accept"),
        ours("Content-Type: ;;;", get("/api/distance/jobs", "Content-Type: ;;;"), "Content-Type"),
        ours("Content-Type: /", post("/api/distance/calculate", "Content-Type: /"), "Content-Type"),
        ours("Accept: */*;q=abc", get("/health", "Accept: */*;q=abc"), "Accept"),
        ours(
            "Accept-Language: en;q=x",
            get("/health", "Accept-Language: en;q=x"),
            "Accept-Language"),
        ours("an encoded '/'", get("/x%2fy", null), "path"),
        ours("an encoded '.'", get("/x%2e%2e/y", null), "path"),
        ours("an encoded '\\'", get("/x%5cy", null), "path"),
        ours("a '\\'", get("/x\\y", null), "path"),
        ours("an encoded '#'", get("/x%23y", null), "path"),
        ours("an encoded '/' and Accept: ;;;", get("/x%2fy", "Accept: ;;;"), "path"),
        ours("%ff", get("/x%ff", null), "path"),
        ours("an overlong '.'", get("/x%C0%AE", null), "path"),
        ours("%ff in a matrix parameter", get("/api/distance/jobs/;x=%ff", null), "path"),
        new Case(
            "OPTIONS",
            request("OPTIONS", "/api/distance/jobs", null),
            RefusalsIT::noContent,
            false),
        new Case(
            "TRACE",
            request("TRACE", "/health", null),
            reply -> ourError(reply, 405, "METHOD_NOT_ALLOWED"),
            false),
        libertys("%00", get("/api/distance/download/a%00", null), 400, "CWWWC0005I"),
        libertys("%0a", get("/api/distance/download/a%0a", null), 400, "CWWWC0005I"),
        libertys("%7f", get("/api/distance/download/a%7f", null), 400, "CWWWC0005I"),
        libertys("%zz", get("/api/distance/download/a%zz", null), 400, "CWWWC0005I"),
        libertys("a header over 32 KiB", get("/health", "X-Big: " + "a".repeat(40_000)), 400, ""),
        libertys("over 500 headers", get("/health", manyHeaders(600)), 400, ""),
        libertys("a request line over 64 KiB", get("/" + "a".repeat(70_000), null), 400, ""),
        libertys("HTTP/0.9", "GET /health\r\n\r\n", 505, ""),
        libertys(
            "a Host of another port",
            "GET /health HTTP/1.1\r\nHost: localhost:1\r\nConnection: close\r\n\r\n",
            404,
            "No resource at this address"),
        libertys("a header name with a space", get("/health", "Bad Header: x"), 400, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void isAnsweredAndLogsAtMostOneLine(Case refused) {
    int before = ServerLogs.messages().size();
    Set<String> incidents = ServerLogs.incidents();

    for (int i = 0; i < REPEATS; i++) {
      refused.answer().accept(RawHttp.exchangeRaw(refused.request()));
    }

    List<String> added = ServerLogs.linesAfter(before);
    assertTrue(
        added.size() <= 1,
        () ->
            REPEATS
                + " refusals should log at most one line, logged "
                + added.size()
                + ": "
                + added);
    assertTrue(
        added.stream().noneMatch(line -> STACK_TRACE.matcher(line).find()),
        () -> "no stack trace: " + added);
    Set<String> newIncidents = new HashSet<>(ServerLogs.incidents());
    newIncidents.removeAll(incidents);
    assertTrue(
        newIncidents.size() <= (refused.liberty() ? 1 : 0),
        () -> "FFDC incidents: " + newIncidents);
  }

  private static Case ours(String name, String request, String field) {
    return new Case(
        name,
        request,
        reply -> {
          JsonObject error = ourError(reply, 400, "VALIDATION_ERROR");
          assertEquals(
              field,
              error.getJsonObject("details").getString("field"),
              () -> "the field: " + reply);
        },
        false);
  }

  private static Case libertys(String name, String request, int status, String body) {
    return new Case(
        name,
        request,
        reply -> {
          assertEquals(status, reply.status(), () -> "Liberty's answer: " + reply);
          assertTrue(reply.body().contains(body), () -> "Liberty's body: " + reply);
        },
        true);
  }

  /** Our error body, with its trace id in the x-trace-id header too. */
  private static JsonObject ourError(RawHttp.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), () -> "status: " + reply);
    String type = reply.header("Content-Type");
    assertTrue(type != null && type.startsWith("application/json"), () -> "our JSON: " + reply);
    JsonObject body;
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      body = reader.readObject();
    }
    JsonObject error = body.getJsonObject("error");
    assertEquals(code, error.getString("code"), () -> "the code: " + reply);
    assertEquals(
        reply.header("x-trace-id"), body.getString("trace_id"), () -> "trace id: " + reply);
    return error;
  }

  private static void noContent(RawHttp.Reply reply) {
    assertEquals(204, reply.status(), () -> "OPTIONS is answered without a body: " + reply);
    assertNotNull(reply.header("Allow"), () -> "the methods in Allow: " + reply);
    assertEquals("", reply.body(), () -> "no body: " + reply);
  }

  private static String manyHeaders(int count) {
    StringBuilder headers = new StringBuilder("X-H0: a");
    for (int i = 1; i < count; i++) {
      headers.append("\r\nX-H").append(i).append(": a");
    }
    return headers.toString();
  }

  private static String get(String path, String header) {
    return request("GET", path, header);
  }

  private static String post(String path, String header) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\n"
        + header
        + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
  }

  private static String request(String method, String path, String header) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\n"
        + (header == null ? "" : header + "\r\n")
        + "Connection: close\r\n\r\n";
  }
}
