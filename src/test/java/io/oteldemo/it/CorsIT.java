package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real preflight and cross-origin requests, as otel-ui's browser sends them. */
public class CorsIT {

  private static final String ALLOWED = "http://localhost:3000";
  private static final String JOBS = "/api/distance/jobs";

  @Test
  void preflightFromAnAllowedOriginIsAnsweredWithoutAuthentication() {
    ApiClient.Answer answer = preflight(ALLOWED, "POST", "authorization,content-type");

    assertTrue(
        answer.status() >= 200 && answer.status() < 300,
        () -> "2xx preflight, no redirect, no 401: " + answer);
    assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
    List<String> methods = list(answer.header("Access-Control-Allow-Methods"));
    assertTrue(methods.containsAll(List.of("get", "post")), () -> "methods: " + methods);
    List<String> headers = list(answer.header("Access-Control-Allow-Headers"));
    assertTrue(
        headers.containsAll(List.of("authorization", "content-type")),
        () -> "allowed headers listed explicitly: " + headers);
    assertTrue(!headers.contains("*"), "no wildcard");
  }

  @Test
  void preflightFromAnotherOriginIsNotAllowed() {
    ApiClient.Answer answer = preflight("https://evil.example", "GET", "authorization");
    assertNull(
        answer.header("Access-Control-Allow-Origin"),
        () -> "no CORS permission for an unknown origin: " + answer);
  }

  @Test
  void unauthorizedAnswerCarriesCorsHeaders() {
    ApiClient client = ApiClient.anonymous();
    ApiClient.Answer answer =
        client.send(client.request(JOBS).header("Origin", ALLOWED).GET().build());

    assertEquals(401, answer.status());
    assertEquals(
        ALLOWED,
        answer.header("Access-Control-Allow-Origin"),
        "a 401 without CORS headers looks like a network error to the browser");
    assertExposes(answer);
  }

  @Test
  void authenticatedAnswerCarriesCorsHeaders() {
    ApiClient client = new ApiClient();
    ApiClient.Answer answer =
        client.send(client.request(JOBS).header("Origin", ALLOWED).GET().build());

    assertEquals(200, answer.status());
    assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
    assertExposes(answer);
  }

  /** Every path otel-ui's pages call, the Dashboard's and the OTel Testing page's included. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/health",
        "/ready",
        "/info",
        "/chain",
        "/slow",
        "/error",
        "/db/status",
        "/db/locations"
      })
  void everyPathTheUiCallsAnswersItsPreflight(String path) {
    ApiClient.Answer answer = preflight(path, ALLOWED, "GET", "authorization,content-type");

    assertTrue(answer.status() >= 200 && answer.status() < 300, () -> path + ": " + answer);
    assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"), path);
    assertVariesByOrigin(answer);
  }

  @Test
  void theDashboardsHealthAnswerCarriesCorsHeaders() {
    ApiClient client = new ApiClient();
    ApiClient.Answer answer =
        client.send(client.request("/health").header("Origin", ALLOWED).GET().build());

    assertEquals(200, answer.status());
    assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
    assertExposes(answer);
    assertVariesByOrigin(answer);
  }

  @Test
  void answersVaryByOriginWhateverTheOrigin() {
    ApiClient client = ApiClient.anonymous();
    for (String origin : List.of(ALLOWED, "https://evil.example")) {
      ApiClient.Answer answer =
          client.send(client.request(JOBS).header("Origin", origin).GET().build());
      assertEquals(401, answer.status());
      assertVariesByOrigin(answer);
    }
    assertVariesByOrigin(client.get("/health"));
  }

  private static void assertVariesByOrigin(ApiClient.Answer answer) {
    List<String> vary = list(String.join(",", answer.headers("Vary")));
    assertTrue(vary.contains("origin"), () -> "Vary: Origin on " + answer);
  }

  private static void assertExposes(ApiClient.Answer answer) {
    List<String> exposed = list(answer.header("Access-Control-Expose-Headers"));
    assertTrue(
        exposed.containsAll(
            List.of(
                "x-trace-id",
                "content-disposition",
                "location",
                "retry-after",
                "ratelimit",
                "ratelimit-policy",
                "idempotent-replayed")),
        () -> "exposed headers: " + exposed);
  }

  private static ApiClient.Answer preflight(String origin, String method, String headers) {
    return preflight(JOBS, origin, method, headers);
  }

  private static ApiClient.Answer preflight(
      String path, String origin, String method, String headers) {
    ApiClient client = ApiClient.anonymous();
    return client.send(
        client
            .request(path)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", headers)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static List<String> list(String header) {
    return header == null
        ? List.of()
        : Arrays.stream(header.split(","))
            .map(value -> value.trim().toLowerCase(Locale.ROOT))
            .toList();
  }
}
