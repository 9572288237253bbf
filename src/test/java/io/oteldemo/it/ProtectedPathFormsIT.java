package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token check follows what JAX-RS routes to, not how the path is spelled: every spelling of a
 * path that reaches a protected resource (matrix parameters on any segment, an empty one) needs a
 * token before anything of the request is read, is answered as the canonical path with one, and
 * takes from the canonical path's rate limit. Spellings that route to no resource are a 404.
 */
public class ProtectedPathFormsIT {

  private static final String JOBS = "/api/distance/jobs";
  private static final String CALCULATE = "/api/distance/calculate";

  /** Spellings that JAX-RS routes like the canonical path, and that canonical path. */
  static Stream<Arguments> routedForms() {
    return Stream.of(
        Arguments.of("/api;/distance/jobs", JOBS),
        Arguments.of("/api/distance;x=1/jobs", JOBS),
        Arguments.of("/api/distance/jobs;x=1", JOBS),
        Arguments.of("/api;a=1/distance;b=2/jobs;c=3", JOBS),
        Arguments.of("/api/distance/jobs;", JOBS),
        Arguments.of("/api;/whoami", "/api/whoami"),
        Arguments.of("/api/whoami;x=1", "/api/whoami"),
        Arguments.of("/api/whoami;", "/api/whoami"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routedForms")
  void anonymousIs401WithOurBody(String form, String canonical) {
    ApiClient.Answer answer = ApiClient.anonymous().get(form);

    assertError(answer, 401, "UNAUTHORIZED");
    assertEquals(
        "Bearer realm=\"otel-demo\"",
        answer.header("WWW-Authenticate"),
        () -> "the bare challenge of a request without credentials: " + answer);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routedForms")
  void withATokenTheAnswerIsTheCanonicalPathsAndTakesFromItsRateLimit(
      String form, String canonical) {
    ApiClient user = new ApiClient();

    ApiClient.Answer expected = user.get(canonical);
    ApiClient.Answer answer = user.get(form);

    assertEquals(200, expected.status(), () -> "canonical: " + expected);
    assertEquals(200, answer.status(), () -> form + ": " + answer);
    assertEquals(withoutTraceId(expected.json()), withoutTraceId(answer.json()), form);
    if (canonical.equals(JOBS)) {
      assertTrue(expected.header("RateLimit").startsWith("\"status\";r=99;"), "canonical first");
      assertTrue(
          answer.header("RateLimit").startsWith("\"status\";r=98;"),
          () ->
              form
                  + " takes the second token of the canonical path's bucket: "
                  + answer.header("RateLimit"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{",
        "not json",
        "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\",\"n\":1",
        "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\",\"big\":1%s}"
      })
  void anAnonymousCalculateIsRefusedBeforeItsBodyIsRead(String body) {
    String sent = body.replace("%s", "0".repeat(1200));
    for (String form :
        new String[] {"/api/distance;x=1/calculate", "/api;/distance/calculate", CALCULATE}) {
      ApiClient.Answer answer = ApiClient.anonymous().postJson(form, sent);

      assertError(answer, 401, "UNAUTHORIZED");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routedCalculateForms")
  void aCalculateOnAnotherSpellingTakesFromTheCalculateBucket(String form) {
    ApiClient user = new ApiClient();

    ApiClient.Answer first = user.postJson(CALCULATE, "{");
    ApiClient.Answer second = user.postJson(form, "{");

    assertError(first, 400, "VALIDATION_ERROR");
    assertError(second, 400, "VALIDATION_ERROR");
    assertEquals("\"calculate\";r=9;t=6", first.header("RateLimit"));
    String rateLimit = second.header("RateLimit");
    assertTrue(
        rateLimit != null && rateLimit.startsWith("\"calculate\";r=8;"),
        () -> form + " takes from the canonical path's calculate bucket: " + rateLimit);
  }

  static Stream<String> routedCalculateForms() {
    return Stream.of("/api/distance;x=1/calculate", "/api;/distance/calculate");
  }

  /** Spellings no resource is routed from: a 404 with our body, token or not. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/./distance/jobs",
        "/api/distance/x/../jobs",
        "//api/distance/jobs",
        "/api/distance//jobs",
        "/api/%64istance/jobs",
        "/API/whoami"
      })
  void aSpellingThatRoutesNowhereIsA404(String form) {
    for (String token : new String[] {null, TestTokens.accessToken(TestTokens.newUser())}) {
      RawHttp.Reply reply =
          RawHttp.exchange(
              "GET "
                  + form
                  + " HTTP/1.1\r\nHost: localhost:"
                  + RawHttp.port()
                  + (token == null ? "" : "\r\nAuthorization: Bearer " + token),
              "");

      assertTrue(
          reply.statusLine().startsWith("HTTP/1.1 404 "),
          () -> form + (token == null ? " anonymous: " : " with a token: ") + reply.statusLine());
    }
  }

  private static JsonObject withoutTraceId(JsonObject body) {
    return Json.createObjectBuilder(body).remove("trace_id").build();
  }
}
