package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.devissuer.DevIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token matrix against the running server: tokens signed by the tests' own issuer key (the JWKS
 * the server trusts), and every way a token can be wrong.
 */
public class AuthIT {

  private static final String JOBS = "/api/distance/jobs";

  @Test
  void validAccessTokenIsAccepted() {
    ApiClient.Answer answer =
        ApiClient.withToken(TestTokens.accessToken(TestTokens.newUser())).get(JOBS);
    assertEquals(200, answer.status(), () -> "valid access token: " + answer);
  }

  @Test
  void validIdTokenIsAccepted() {
    ApiClient.Answer answer = call(TestTokens.idClaims(TestTokens.newUser()));
    assertEquals(200, answer.status(), () -> "valid ID token: " + answer);
  }

  @Test
  void accessTokenOfTheSecondConfiguredClientIsAccepted() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("client_id", TestTokens.CLIENTS.get(1));
    assertEquals(200, call(claims).status());
  }

  @Test
  void missingTokenIs401WithABareChallenge() {
    ApiClient.Answer answer = ApiClient.anonymous().get(JOBS);
    assertUnauthorized(answer, false, "Bearer");
  }

  @Test
  void otherSchemeIs401WithABareChallenge() {
    ApiClient.Answer answer = raw("Basic dXNlcjpwYXNzd29yZA==");
    assertUnauthorized(answer, false, "Bearer");
  }

  @Test
  void garbageTokenIs401() {
    assertUnauthorized(raw("Bearer not-a-token"), true, "JWT");
  }

  @Test
  void badSignatureIs401() {
    String token = TestTokens.accessToken(TestTokens.newUser());
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + DevIssuer.part(tamperedClaims()) + "." + parts[2];
    assertUnauthorized(ApiClient.withToken(forged).get(JOBS), true, "signature");
  }

  @Test
  void expiredTokenIs401() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    long past = Instant.now().minusSeconds(3600).getEpochSecond();
    claims.put("iat", past - 600);
    claims.put("auth_time", past - 600);
    claims.put("exp", past);
    assertUnauthorized(call(claims), true, "expired");
  }

  @Test
  void tokenNotValidYetIs401() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("nbf", Instant.now().plusSeconds(600).getEpochSecond());
    assertUnauthorized(call(claims), true, "not valid yet");
  }

  @Test
  void wrongIssuerIs401() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool");
    assertUnauthorized(call(claims), true, "issuer");
  }

  @Test
  void accessTokenForAnotherClientIs401() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("client_id", "someoneelsesclient");
    assertUnauthorized(call(claims), true, "another client");
  }

  @Test
  void idTokenForAnotherAudienceIs401() {
    Map<String, Object> claims = TestTokens.idClaims(TestTokens.newUser());
    claims.put("aud", "someoneelsesclient");
    assertEquals(401, call(claims).status(), "ID token for another client");
    assertUnauthorized(call(claims), true, "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "refresh"})
  void tokenUseMissingOrRefreshIs401(String tokenUse) {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    if (tokenUse.isEmpty()) {
      claims.remove("token_use");
    } else {
      claims.put("token_use", tokenUse);
    }
    assertUnauthorized(call(claims), true, "token_use");
  }

  @Test
  void unsignedTokenIs401() {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "none");
    String token =
        DevIssuer.part(header)
            + "."
            + DevIssuer.part(TestTokens.accessClaims(TestTokens.newUser()))
            + ".";
    assertUnauthorized(ApiClient.withToken(token).get(JOBS), true, "algorithm");
  }

  @Test
  void hs256SignedWithThePublicKeyIs401() throws Exception {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", TestTokens.keys().keyId());
    header.put("alg", "HS256");
    String signingInput =
        DevIssuer.part(header)
            + "."
            + DevIssuer.part(TestTokens.accessClaims(TestTokens.newUser()));
    byte[] publicJwks =
        Files.readAllBytes(java.nio.file.Path.of(System.getProperty("it.issuer.dir"), "jwks.json"));
    for (byte[] secret : List.of(TestTokens.keys().publicKey().getEncoded(), publicJwks)) {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String token =
          signingInput
              + "."
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
      assertUnauthorized(ApiClient.withToken(token).get(JOBS), true, "algorithm");
    }
  }

  @Test
  void unknownKeyIdIs401() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey otherKey = generator.generateKeyPair().getPrivate();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", "unknown-key-id");
    header.put("alg", "RS256");
    String token = DevIssuer.sign(header, TestTokens.accessClaims(TestTokens.newUser()), otherKey);
    assertUnauthorized(ApiClient.withToken(token).get(JOBS), true, "key");
  }

  @Test
  void tokenIssuedInTheFutureIs401SayingSo() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("iat", Instant.now().plusSeconds(600).getEpochSecond());
    claims.put("exp", Instant.now().plusSeconds(1200).getEpochSecond());
    assertUnauthorized(call(claims), true, "issued in the future");
  }

  @Test
  void tokenWithoutSubjectIs401SayingSo() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.remove("sub");
    assertUnauthorized(call(claims), true, "no subject (sub)");
  }

  @Test
  void tokenExpiringBeforeItWasIssuedIs401SayingSo() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("iat", Instant.now().getEpochSecond());
    claims.put("exp", Instant.now().minusSeconds(30).getEpochSecond());
    assertUnauthorized(call(claims), true, "exp not after iat");
  }

  @Test
  void groupsGivenAsAStringAre401SayingSo() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("cognito:groups", TestTokens.REQUIRED_GROUP);
    assertUnauthorized(call(claims), true, "cognito:groups claim must be a list of strings");
  }

  @Test
  void clientIdGivenAsAnArrayIs401SayingSo() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("client_id", List.of(TestTokens.CLIENTS.get(0)));
    assertUnauthorized(call(claims), true, "client_id claim must be a string");
  }

  @Test
  void aTokenWithAnAppendedCharacterOrPaddingIsRefusedSayingWhy() {
    String token = TestTokens.accessToken(TestTokens.newUser());
    assertUnauthorized(ApiClient.withToken(token + "A").get(JOBS), true, "signature is not valid");
    String[] parts = token.split("\\.");
    assertUnauthorized(
        ApiClient.withToken(parts[0] + "==." + parts[1] + "." + parts[2]).get(JOBS),
        true,
        "malformed");
  }

  @Test
  void userOutsideTheRequiredGroupIs403() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("cognito:groups", List.of("other-group"));
    ApiClient.Answer answer = call(claims);
    assertError(answer, 403, "FORBIDDEN");
    assertTrue(
        answer.header("WWW-Authenticate").contains("insufficient_scope"),
        () -> "403 challenge: " + answer.header("WWW-Authenticate"));
  }

  @Test
  void userWithoutAnyGroupIs403() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.remove("cognito:groups");
    assertError(call(claims), 403, "FORBIDDEN");
  }

  @Test
  void everyEndpointNeedsAToken() {
    ApiClient anonymous = ApiClient.anonymous();
    assertUnauthorized(
        anonymous.postJson("/api/distance/calculate", "{\"date\":\"2026-01-25\"}"),
        false,
        "Bearer");
    assertUnauthorized(
        anonymous.get("/api/distance/jobs/0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a"), false, "Bearer");
    assertUnauthorized(
        anonymous.get("/api/distance/download/distance_20260125.csv"), false, "Bearer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health", "/ready", "/openapi", "/openapi/ui/"})
  void healthAndOpenApiArePublic(String path) {
    assertEquals(200, ApiClient.anonymous().get(path).status(), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health/ready", "/health/live", "/health/started"})
  void probesArePublicOnTheManagementPort(String path) {
    assertEquals(200, ApiClient.management().get(path).status(), path);
  }

  @Test
  void apiAnswersAreNeitherCachedNorSniffed() {
    for (ApiClient.Answer answer :
        List.of(new ApiClient().get(JOBS), ApiClient.anonymous().get(JOBS))) {
      assertEquals("no-store", answer.header("Cache-Control"), () -> "Cache-Control: " + answer);
      assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }
  }

  private static ApiClient.Answer call(Map<String, Object> claims) {
    return ApiClient.withToken(TestTokens.sign(claims)).get(JOBS);
  }

  private static ApiClient.Answer raw(String authorization) {
    ApiClient client = ApiClient.anonymous();
    return client.send(client.request(JOBS).header("Authorization", authorization).GET().build());
  }

  private static Map<String, Object> tamperedClaims() {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    claims.put("cognito:groups", List.of(TestTokens.REQUIRED_GROUP, "admins"));
    return claims;
  }

  /** 401 with our body, the RFC 6750 challenge, and nothing of the token echoed. */
  private static void assertUnauthorized(
      ApiClient.Answer answer, boolean tokenSent, String messagePart) {
    String message = assertError(answer, 401, "UNAUTHORIZED").getString("message");
    assertTrue(
        message.toLowerCase().contains(messagePart.toLowerCase()),
        () -> "message should mention '" + messagePart + "': " + answer);
    String challenge = answer.header("WWW-Authenticate");
    assertNotNull(challenge, () -> "WWW-Authenticate expected: " + answer);
    assertTrue(challenge.startsWith("Bearer"), () -> "Bearer challenge: " + challenge);
    assertEquals(
        tokenSent,
        challenge.contains("error=\"invalid_token\""),
        () -> "error=\"invalid_token\" only when a token was sent: " + challenge);
    String sent = answer.response().request().headers().firstValue("Authorization").orElse("");
    if (sent.length() > 20) {
      String tokenPart = sent.substring(sent.length() - 20);
      assertFalse(
          answer.body().contains(tokenPart) || challenge.contains(tokenPart),
          "the token must not be echoed");
    }
  }
}
