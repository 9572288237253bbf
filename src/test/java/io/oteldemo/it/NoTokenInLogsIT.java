package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.devissuer.DevIssuer;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing that could be replayed reaches a log: every kind of refused token is sent, then every
 * file of the server's log folder (messages, console, FFDC incidents) is searched for each token's
 * signature and its header.payload. And a token sent to a public endpoint is not looked at.
 */
public class NoTokenInLogsIT {

  private static final String JOBS = "/api/distance/jobs";

  @Test
  void noRefusedTokenIsLoggedWithItsSignatureOrClaims() throws Exception {
    Map<String, String> refused = new LinkedHashMap<>();
    String valid = TestTokens.accessToken(TestTokens.newUser());
    String[] parts = valid.split("\\.");
    refused.put(
        "padded header (a valid token with '==' after its header)",
        parts[0] + "==." + parts[1] + "." + parts[2]);
    refused.put("a valid token with a character appended to its signature", valid + "A");
    refused.put("malformed", "not-a-token." + parts[1] + "." + parts[2]);
    refused.put(
        "bad signature", parts[0] + "." + DevIssuer.part(withGroup("admins")) + "." + parts[2]);
    refused.put("expired", TestTokens.sign(expired()));
    refused.put("wrong issuer", TestTokens.sign(otherIssuer()));
    refused.put("unknown kid", signedByAStranger());

    for (Map.Entry<String, String> token : refused.entrySet()) {
      ApiClient.Answer answer = ApiClient.withToken(token.getValue()).get(JOBS);
      assertError(answer, 401, "UNAUTHORIZED");
    }
    ServerLogs.awaitMarker();

    List<ServerLogs.LogFile> logs = ServerLogs.all();
    assertFalse(logs.isEmpty(), "the server's log folder should hold its logs");
    for (Map.Entry<String, String> token : refused.entrySet()) {
      String[] sent = token.getValue().split("\\.");
      List<String> secrets = List.of(sent[sent.length - 1], sent[0] + "." + sent[1]);
      for (String secret : secrets) {
        for (ServerLogs.LogFile log : logs) {
          assertFalse(
              log.text().contains(secret),
              () ->
                  "the "
                      + token.getKey()
                      + " token must not be logged, but "
                      + log.path()
                      + " holds part of it");
        }
      }
    }
    for (ServerLogs.LogFile log : logs) {
      assertFalse(
          log.text().contains(parts[2]),
          () -> "the valid token's signature must not be logged, but " + log.path() + " has it");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health", "/ready", "/openapi"})
  void aValidTokenOnAPublicEndpointIsNotLookedAt(String path) {
    int before = ServerLogs.messages().size();

    ApiClient.Answer answer = new ApiClient().get(path);

    assertEquals(200, answer.status(), () -> path + " with a token: " + answer);
    assertNoSecurityErrorsSince(before);
  }

  @Test
  void aPreflightWithATokenIsNotRefused() {
    int before = ServerLogs.messages().size();
    ApiClient api = new ApiClient();

    ApiClient.Answer answer =
        api.send(
            api.request("/openapi")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());

    assertEquals(200, answer.status(), () -> "OPTIONS /openapi with a token: " + answer);
    assertNoSecurityErrorsSince(before);
  }

  private static void assertNoSecurityErrorsSince(int before) {
    ServerLogs.awaitMarker();
    List<String> added = ServerLogs.messages().stream().skip(before).toList();
    assertTrue(
        added.stream().noneMatch(line -> line.contains("CWWKS55")),
        () -> "no MicroProfile JWT error for a public endpoint: " + added);
  }

  private static Map<String, Object> withGroup(String group) {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("cognito:groups", List.of(TestTokens.REQUIRED_GROUP, group));
    return claims;
  }

  private static Map<String, Object> expired() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    long past = Instant.now().minusSeconds(3600).getEpochSecond();
    claims.put("iat", past - 600);
    claims.put("auth_time", past - 600);
    claims.put("exp", past);
    return claims;
  }

  private static Map<String, Object> otherIssuer() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool");
    return claims;
  }

  private static String signedByAStranger() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", "unknown-key-id");
    header.put("alg", "RS256");
    return DevIssuer.sign(
        header,
        TestTokens.accessClaims(TestTokens.newUser()),
        generator.generateKeyPair().getPrivate());
  }
}
