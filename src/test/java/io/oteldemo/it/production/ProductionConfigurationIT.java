package io.oteldemo.it.production;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.devissuer.DevIssuer;
import io.oteldemo.it.ApiClient;
import io.oteldemo.it.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server configuration the container image ships ({@code liberty/server.xml} and the WAR's
 * production defaults), given only what a deployment gives it through the environment: it starts,
 * is ready with a real worker endpoint and Redis, trusts the Cognito-shaped issuer whose keys it
 * fetches over HTTP, and none of the development defaults.
 */
@ExtendWith(ProductionLikeDeployment.class)
class ProductionConfigurationIT {

  private final ProductionServer server;

  ProductionConfigurationIT(ProductionServer server) {
    this.server = server;
  }

  @Test
  void itIsReadyWithTheConfiguredWorkerAndRedis() {
    ApiClient.Answer ready = server.management().get("/health/ready");
    assertEquals(200, ready.status(), () -> "ready: " + ready);
    assertTrue(
        ready.body().contains(server.worker().grpcTarget()),
        () -> "the worker endpoint from the environment: " + ready);
    assertEquals(200, server.management().get("/health/started").status());
    assertEquals(200, server.management().get("/health/live").status());
  }

  @Test
  void itAcceptsTheIssuersAccessAndIdTokensAndNothingElse() {
    assertEquals(200, server.newUser().get("/api/distance/jobs").status(), "access token");
    String idToken = TestTokens.sign(TestTokens.idClaims(TestTokens.newUser()));
    assertEquals(200, server.withToken(idToken).get("/api/distance/jobs").status(), "ID token");
    assertError(server.anonymous().get("/api/distance/jobs"), 401, "UNAUTHORIZED");

    Map<String, Object> otherGroup = TestTokens.accessClaims(TestTokens.newUser());
    otherGroup.put("cognito:groups", List.of("someone-else"));
    assertError(
        server.withToken(TestTokens.sign(otherGroup)).get("/api/distance/jobs"), 403, "FORBIDDEN");
  }

  @Test
  void theDevelopmentIssuerIsNotTrusted() throws Exception {
    Path devKeys = Files.createTempDirectory("other-issuer");
    DevIssuer other = DevIssuer.openOrCreate(devKeys);
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.putAll(
        other.accessTokenClaims(
            TestTokens.newUser(),
            "someone",
            List.of(TestTokens.REQUIRED_GROUP),
            Instant.now(),
            600));
    claims.put("client_id", TestTokens.CLIENTS.get(0));
    assertError(
        server.withToken(other.sign(claims)).get("/api/distance/jobs"), 401, "UNAUTHORIZED");
  }

  @Test
  void browsersOfTheConfiguredOriginOnlyMayCall() {
    ApiClient client = server.anonymous();
    ApiClient.Answer allowed =
        client.send(
            client
                .request("/api/distance/jobs")
                .header("Origin", ProductionServer.CORS_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(
        ProductionServer.CORS_ORIGIN,
        allowed.header("Access-Control-Allow-Origin"),
        () -> "preflight: " + allowed);

    ApiClient.Answer developer =
        client.send(
            client
                .request("/api/distance/jobs")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
    assertNull(
        developer.header("Access-Control-Allow-Origin"),
        () -> "the development origins are not allowed: " + developer);
  }

  @Test
  void noDevelopmentDefaultIsInForce() {
    List<String> messages = server.messages();
    assertTrue(
        messages.stream().noneMatch(line -> line.contains("Embedded distance worker")),
        "no embedded worker");
    assertTrue(
        messages.stream()
            .anyMatch(
                line ->
                    line.contains(
                        "Distance worker channel to "
                            + "dns:///127.0.0.1:"
                            + server.worker().grpcPort())),
        "the configured worker endpoint");
    assertTrue(
        messages.stream().anyMatch(line -> line.contains("Shared state in Redis")),
        "Redis from REDIS_URL");
    assertTrue(
        messages.stream().noneMatch(line -> line.contains("local_devpool")),
        "the development issuer appears nowhere");
  }
}
