package io.oteldemo.it.production;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The beta rollout over HTTP, on a server with {@code DISTANCE_API_ENABLED=groups:beta-testers}:
 * the distance API is on for members of that Cognito group, and everyone else gets what they get
 * while it is off (404), however the path is spelt; an anonymous request is still a 401.
 */
class DistanceApiRolloutIT {

  static final String BETA = "groups:beta-testers";
  private static final String JOBS = "/api/distance/jobs";
  private static final String NOT_ENABLED = "The distance API is not enabled here";

  private static SettingsServer server;

  @BeforeAll
  static void start() {
    server = SettingsServer.ready("otel-demo-rollout", Map.of("DISTANCE_API_ENABLED", BETA));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theApiIsOnForMembersOfTheBetaGroup() {
    ApiClient tester = server.userIn(List.of("beta-testers"));

    ApiClient.Answer jobs = tester.get(JOBS);
    assertEquals(200, jobs.status(), () -> "a beta tester lists jobs: " + jobs);
    ApiClient.Answer calculate =
        tester.postJson("/api/distance/calculate", "{\"date\":\"2026-01-25\"}");
    assertEquals(202, calculate.status(), () -> "and calculates: " + calculate);
  }

  @Test
  void everyoneElseIsAnsweredAsWhileTheApiIsOff() {
    for (List<String> groups : List.of(List.<String>of(), List.of("family", "Beta-Testers"))) {
      ApiClient user = server.userIn(groups);
      for (ApiClient.Answer answer :
          List.of(
              user.get(JOBS),
              user.get(JOBS + "/" + "0".repeat(32)),
              user.postJson("/api/distance/calculate", "{\"date\":\"2026-01-25\"}"),
              user.get("/api/distance/download/distance_20260125.csv"))) {
        JsonObject error = assertError(answer, 404, "NOT_FOUND");
        assertEquals(NOT_ENABLED, error.getString("message"), () -> groups + ": " + answer);
        assertEquals(null, answer.header("RateLimit"), () -> "no rate limit used up: " + answer);
      }
      assertEquals(200, user.get("/api/whoami").status(), "the rest of the API stays on");
    }
  }

  /** Decided on the resource the request is routed to, not on how its path is spelt. */
  @Test
  void theSpellingOfThePathDoesNotMatter() {
    ApiClient user = server.userIn(List.of());
    for (String path :
        List.of("/api/distance;x=1/jobs", "/api;v=2/distance/jobs", "/api/distance/jobs;x=1")) {
      ApiClient.Answer answer = user.get(path);
      JsonObject error = assertError(answer, 404, "NOT_FOUND");
      assertEquals(NOT_ENABLED, error.getString("message"), () -> path + ": " + answer);
    }
  }

  @Test
  void anAnonymousRequestIsStillA401() {
    assertError(server.anonymous().get(JOBS), 401, "UNAUTHORIZED");
  }

  @Test
  void healthAndOpenApiStayUp() {
    assertEquals(200, server.anonymous().get("/health").status());
    assertEquals(200, server.anonymous().get("/openapi").status());
  }

  @Test
  void theStartSaysWhoTheApiIsOnFor() {
    assertTrue(
        server.messages().stream()
            .anyMatch(line -> line.contains("The distance API is on for the groups beta-testers")),
        "the rollout in messages.log");
  }

  @Test
  void aMalformedValueStopsTheStartNamingIt() {
    try (SettingsServer broken =
        SettingsServer.launched(
            "otel-demo-rollout-malformed", Map.of("DISTANCE_API_ENABLED", "groups:beta, family"))) {
      String problem = broken.awaitMessage("DISTANCE_API_ENABLED is malformed");
      assertTrue(problem.contains("' family' is not a group name"), problem);
      ApiClient.Answer answer = broken.userIn(List.of("beta")).get(JOBS);
      assertNotEquals(200, answer.status(), () -> "the application did not start: " + answer);
      assertNotEquals(200, broken.management().get("/health/ready").status(), "not ready");
    }
  }
}
