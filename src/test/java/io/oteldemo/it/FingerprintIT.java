package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Less to fingerprint and less to hold: headers, health data, status lines, slow clients. */
public class FingerprintIT {

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/distance/jobs", "/nowhere%2Fthere", "/api/distance/jobs/x%2F..%2Fy"})
  void containerErrorsNameNoServerInternals(String path) {
    RawHttp.Reply reply = RawHttp.exchange("GET " + path + " HTTP/1.1\r\nHost: localhost", "");

    assertTrue(reply.statusLine().matches("HTTP/1.1 4\\d\\d .*"), () -> "refused: " + reply);
    assertNull(reply.header("$WSEP"), () -> "no $WSEP header: " + reply.head());
    assertNull(reply.header("X-Powered-By"), () -> "no X-Powered-By header: " + reply.head());
    assertNull(reply.header("Server"), () -> "no Server header: " + reply.head());
  }

  @Test
  void answersNameNoServer() {
    String token = TestTokens.accessToken(TestTokens.newUser());
    RawHttp.Reply reply =
        RawHttp.exchange(
            "GET /api/distance/jobs HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer "
                + token,
            "");

    assertTrue(reply.statusLine().contains(" 200 "), () -> "listed: " + reply.head());
    assertNull(reply.header("Server"), () -> "no Server header: " + reply.head());
    assertNull(reply.header("X-Powered-By"), () -> "no X-Powered-By header: " + reply.head());
    assertFalse(
        reply.head().toLowerCase().contains("liberty"),
        () -> "no header names the server: " + reply.head());
    assertTrue(reply.header("x-trace-id") != null, "the trace id is still there");
  }

  /** The builder lives on the management port (the API's port does not serve it at all). */
  @Test
  void libertysJwtBuilderServesNoKeyAndNoToken() {
    int before = ServerLogs.messages().size();
    int port = RawHttp.managementPort();
    String host = "Host: localhost:" + port;

    RawHttp.Reply jwk =
        RawHttp.exchange(port, "GET /jwt/ibm/api/defaultJWT/jwk HTTP/1.1\r\n" + host, "");
    assertTrue(jwk.statusLine().contains(" 200 "), () -> "the builder answers here: " + jwk);
    assertFalse(
        jwk.body().contains("\"kty\"") || jwk.body().contains("\"keys\""),
        () -> "no public key at the builder's JWK URL: " + jwk);

    // The builder's token endpoint wants HTTPS, or a proxy's word for it (X-Forwarded-Proto).
    String token = TestTokens.accessToken(TestTokens.newUser());
    for (String proto : List.of("", "\r\nX-Forwarded-Proto: https")) {
      RawHttp.Reply reply =
          RawHttp.exchange(
              port,
              "GET /jwt/ibm/api/defaultJWT/token HTTP/1.1\r\n"
                  + host
                  + proto
                  + "\r\nAuthorization: Bearer "
                  + token,
              "");
      assertFalse(reply.statusLine().contains(" 200 "), () -> "no token for a token: " + reply);
      assertFalse(reply.body().contains("eyJ"), () -> "no JWT in the answer: " + reply);
    }
    RawHttp.Reply unknown =
        RawHttp.exchange(port, "GET /jwt/ibm/api/someBuilder/jwk HTTP/1.1\r\n" + host, "");
    assertTrue(unknown.statusLine().contains(" 404 "), () -> "no such builder: " + unknown);

    List<String> added =
        ServerLogs.linesAfter(before).stream()
            .filter(line -> line.matches(".* [EW] CWWKS\\d{4}[EW]: .*"))
            .toList();
    assertTrue(added.isEmpty(), () -> "no security error or warning for any of these: " + added);
  }

  @Test
  void readinessDoesNotRevealTheWorkersAddressByDefault() {
    ApiClient.Answer answer = ApiClient.management().get("/health/ready");
    JsonObject worker =
        answer.json().getJsonArray("checks").stream()
            .map(check -> check.asJsonObject())
            .filter(check -> check.getString("name").equals("distance-worker"))
            .findFirst()
            .orElseThrow();

    assertFalse(
        worker.getJsonObject("data").containsKey("target"),
        () -> "the worker's target only when HEALTH_REPORT_TARGETS=true: " + worker);
    assertEquals("SERVING", worker.getJsonObject("data").getString("worker"));
  }

  @Test
  void aClientThatTricklesBytesIsCutOff() throws IOException {
    try (Socket socket = RawHttp.connect()) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write("G".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Instant sent = Instant.now();

      // A slow sender's next byte would come 10 s later: the server must not wait that long.
      String answer;
      try {
        answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the connection was still open after 15 s", e);
      }
      Duration held = Duration.between(sent, Instant.now());

      assertTrue(
          held.compareTo(Duration.ofSeconds(10)) < 0,
          () -> "the connection should be closed before the next byte 10 s later, was " + held);
      assertTrue(
          answer.isEmpty() || answer.startsWith("HTTP/1.1 408"),
          () -> "closed, or answered 408: " + answer);
    }
  }

  /**
   * A new connection that sends nothing is closed after HTTP_IDLE_CONNECTION_TIMEOUT (5 s, checked
   * by Liberty every few seconds), not after the TCP channel's default minute.
   */
  @Test
  void aConnectionThatSendsNothingIsClosed() throws IOException {
    try (Socket socket = RawHttp.connect()) {
      socket.setSoTimeout(30_000);
      String answer;
      try {
        answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("a silent connection was still open after 30 s", e);
      }
      assertTrue(
          answer.isEmpty() || answer.startsWith("HTTP/1.1 408"),
          () -> "closed, or answered 408: " + answer);
    }
  }

  @Test
  void anUnprocessableKeySaysSoInTheStatusLine() {
    String head =
        "POST /api/distance/calculate HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + TestTokens.accessToken(TestTokens.newUser())
            + "\r\nContent-Type: application/json\r\nIdempotency-Key: "
            + java.util.UUID.randomUUID();
    RawHttp.Reply first = RawHttp.exchange(head, "{\"date\":\"2026-01-25\"}");
    assertTrue(first.statusLine().contains(" 202 "), () -> "queued: " + first.head());

    RawHttp.Reply other = RawHttp.exchange(head, "{\"date\":\"2026-01-24\"}");

    assertEquals(
        "HTTP/1.1 422 Unprocessable Content",
        other.statusLine(),
        () -> "the key with another body: " + other.head());
  }

  @Test
  void tooManyRequestsSaysSoInTheStatusLine() {
    String token = TestTokens.accessToken(TestTokens.newUser());
    String head =
        "GET /api/distance/download/distance_20000101.csv HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer "
            + token;
    int limit =
        Integer.parseInt(System.getProperty("it.rate.limit.download", "3/2s").split("/")[0]);
    RawHttp.Reply reply = null;
    for (int i = 0; i <= limit; i++) {
      reply = RawHttp.exchange(head, "");
    }
    RawHttp.Reply limited = reply;

    assertEquals(
        "HTTP/1.1 429 Too Many Requests",
        limited.statusLine(),
        () -> "the status line of a limited request: " + limited.head());
  }
}
