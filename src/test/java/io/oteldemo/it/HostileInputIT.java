package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertValidationError;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is a 4xx with the JSON error body: never a 500, never a flood of log lines. */
public class HostileInputIT {

  private static final String CALCULATE = "/api/distance/calculate";

  private final ApiClient api = new ApiClient();

  @Test
  void aBodyNestedAThousandLevelsDeepIsA400AndAtMostOneLogLine() {
    String nested = "[".repeat(1100) + "]".repeat(1100);
    assertTrue(nested.length() < 4096, "a body under the size limit");
    int before = ServerLogs.messages().size();

    ApiClient.Answer answer = api.postJson(CALCULATE, nested);

    assertValidationError(answer, "body", "nested");
    List<String> added = ServerLogs.linesAfter(before);
    assertTrue(
        added.size() <= 1,
        () ->
            "at most one log line per request, got "
                + added.size()
                + ": "
                + added.stream().limit(5).toList());
  }

  @Test
  void aNumberOfMoreThan1100DigitsIsA400AndAtMostOneLogLine() {
    int before = ServerLogs.messages().size();

    ApiClient.Answer answer =
        api.postJson(CALCULATE, "{\"date\":\"2026-01-25\",\"x\":" + "1".repeat(1200) + "}");

    assertValidationError(answer, "body", "number");
    List<String> added = ServerLogs.linesAfter(before);
    assertTrue(added.size() <= 1, () -> "at most one log line, got " + added);
  }

  /**
   * A body that stops coming is the client's doing: 408 with our error once the server's read
   * timeout passed, logged by no one: the body is read without blocking, so the web container has
   * no failed read to record as an FFDC incident when it finishes the request.
   */
  @Test
  void aBodyThatStopsComingIsA408() throws IOException {
    int before = ServerLogs.messages().size();
    Set<String> incidents = ServerLogs.incidents();
    String body = "{\"date\":\"2026-01-25\"}";

    String answer;
    try (Socket socket = RawHttp.connect()) {
      OutputStream out = socket.getOutputStream();
      out.write((calculateHead(body.length()) + body.substring(0, 5)).getBytes(US_ASCII));
      out.flush();
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertQuiet408(answer, before, incidents);
  }

  /**
   * A body that trickles in, a byte every 2 s (each well within the server's 5 s read timeout), is
   * cut off as a whole, not held as long as the client cares to drip (here about 40 s): 408 within
   * the body's deadline (10 s; the read timeout itself cuts it at about 5 s), nothing logged, no
   * incident.
   */
  @Test
  void aBodyThatTricklesInIsCutOffWithinItsDeadline() throws Exception {
    int before = ServerLogs.messages().size();
    Set<String> incidents = ServerLogs.incidents();
    byte[] body = "{\"date\":\"2026-01-25\"}".getBytes(US_ASCII);

    String answer;
    long started;
    try (Socket socket = RawHttp.connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(calculateHead(body.length).getBytes(US_ASCII));
      out.flush();
      started = System.nanoTime();
      Thread drip = new Thread(() -> trickle(out, body), "trickle");
      drip.setDaemon(true);
      drip.start();
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(
        took.compareTo(Duration.ofSeconds(11)) < 0,
        () -> "cut off within the body's deadline, not after " + took);
    assertQuiet408(answer, before, incidents);
  }

  /** A calculation's request head, with a new user's token, for a body of this many bytes. */
  private static String calculateHead(int contentLength) {
    return "POST "
        + CALCULATE
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + TestTokens.accessToken(TestTokens.newUser())
        + "\r\nContent-Type: application/json\r\nContent-Length: "
        + contentLength
        + "\r\nConnection: close\r\n\r\n";
  }

  /** Our 408, with nothing logged and no FFDC incident since {@code before}. */
  private static void assertQuiet408(String answer, int before, Set<String> incidents) {
    assertTrue(answer.startsWith("HTTP/1.1 408 "), () -> "408: " + answer);
    assertTrue(answer.contains("\"code\":\"REQUEST_TIMEOUT\""), () -> "our error: " + answer);
    assertEquals(List.of(), ServerLogs.linesAfter(before), "nothing logged");
    Set<String> newIncidents = new HashSet<>(ServerLogs.incidents());
    newIncidents.removeAll(incidents);
    assertEquals(Set.of(), newIncidents, "no FFDC incident");
  }

  /** One byte every 2 s, until the body is sent or the server closed the connection. */
  private static void trickle(OutputStream out, byte[] body) {
    try {
      for (byte b : body) {
        out.write(b);
        out.flush();
        Thread.sleep(2000);
      }
    } catch (IOException | InterruptedException e) {
      // the server answered and closed the connection
    }
  }

  @Test
  void aSecondContentEncodingHeaderIsNotIgnored() {
    RawHttp.Reply reply =
        RawHttp.exchange(
            "POST "
                + CALCULATE
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.accessToken(TestTokens.newUser())
                + "\r\nContent-Type: application/json"
                + "\r\nContent-Encoding: identity\r\nContent-Encoding: gzip",
            "{\"date\":\"2026-01-25\"}");

    assertEquals(415, reply.status(), () -> "identity, then gzip, is a compressed body: " + reply);
    assertTrue(reply.body().contains("UNSUPPORTED_MEDIA_TYPE"), () -> "our error: " + reply);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "br"})
  void aCompressedBodyIsA415(String encoding) {
    ApiClient.Answer answer =
        api.send(
            api.request(CALCULATE)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"2026-01-25\"}"))
                .build());

    JsonObject error = assertError(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertTrue(
        error.getString("message").contains("Content-Encoding"),
        () -> "the message names Content-Encoding: " + answer);
  }

  @Test
  void anEmptyDeviceIdFilterIsA400() {
    assertValidationError(api.get("/api/distance/jobs?device_id="), "device_id", "device_id");
  }

  @Test
  void theLocationOfANewJobIsRelativeWhateverTheHostHeaderSays() {
    String token = TestTokens.accessToken(TestTokens.newUser());

    RawHttp.Reply reply =
        RawHttp.exchange(
            "POST "
                + CALCULATE
                + " HTTP/1.1\r\n"
                // No port: the API's virtual host answers a Host without one (an ingress's).
                + "Host: evil.example\r\n"
                + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n"
                + "$WSSN: evil.example\r\n$WSSC: https\r\n"
                + "Authorization: Bearer "
                + token
                + "\r\n"
                + "Content-Type: application/json",
            "{\"date\":\"2026-01-25\"}");

    assertTrue(reply.statusLine().contains(" 202 "), () -> "queued: " + reply);
    String location = reply.header("Location");
    assertNotNull(location, () -> "a Location header: " + reply);
    assertTrue(
        location.startsWith("/api/distance/jobs/"),
        () -> "Location should be the relative status URL, was " + location);
    assertFalse(
        reply.head().contains("evil.example"),
        () -> "nothing of the client's Host: " + reply.head());
    assertTrue(
        reply.body().contains("\"status_url\":\"" + location + "\""),
        () -> "status_url and Location agree: " + reply.body());
  }

  @Test
  void theOpenApiServersDoNotCopyTheHostHeader() {
    RawHttp.Reply reply =
        RawHttp.exchange(
            "GET /openapi HTTP/1.1\r\n"
                + "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "$WSSN: evil.example\r\nAccept: application/json",
            "");

    assertTrue(reply.statusLine().contains(" 200 "), () -> "the document: " + reply.statusLine());
    assertFalse(
        reply.body().contains("evil.example"),
        () -> "the OpenAPI servers must not name the client's Host");
  }

  @Test
  void twoAuthorizationHeadersAreA400() {
    String token = TestTokens.accessToken(TestTokens.newUser());
    ApiClient anonymous = ApiClient.anonymous();

    ApiClient.Answer answer =
        anonymous.send(
            anonymous
                .request("/api/distance/jobs")
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + TestTokens.accessToken(TestTokens.newUser()))
                .GET()
                .build());

    assertValidationError(answer, "Authorization", "one Authorization header");
    assertFalse(
        answer.body().contains(token.substring(token.length() - 20)), "the token is not echoed");
  }
}
