package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.devissuer.DevIssuer;
import io.oteldemo.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate's verdicts on real tokens, signed with a development issuer's key (or a stranger's), at
 * a fixed time: what is refused, with which reason, and that nothing of the token is echoed.
 */
class TokenVerifierTest {

  private static final Instant NOW = Instant.parse("2026-01-25T12:00:00Z");
  private static final Duration SKEW = Duration.ofSeconds(60);

  /** A claim value that must never be echoed back. */
  private static final String SECRET_SUB = "secret-sub-123";

  @TempDir static Path issuerDir;

  private static DevIssuer issuer;
  private static PrivateKey strangerKey;
  private static SigningKeys keys;

  @BeforeAll
  static void issuers() throws Exception {
    issuer = DevIssuer.openOrCreate(issuerDir);
    keys = SigningKeys.parse(Files.readString(issuerDir.resolve("jwks.json")));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    strangerKey = generator.generateKeyPair().getPrivate();
  }

  /** Access-token claims valid at NOW, with the secret subject. */
  private static Map<String, Object> claims() {
    return issuer.accessTokenClaims(
        SECRET_SUB, "secret-username", List.of("secret-group"), NOW.minusSeconds(600), 3600);
  }

  private static Map<String, Object> header(String kid, String alg) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", kid);
    if (alg != null) {
      header.put("alg", alg);
    }
    return header;
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static CognitoClaims verify(String token, Function<String, SigningKeys> signingKeys) {
    return new TokenVerifier(DevIssuer.ISSUER, SKEW, signingKeys).verify(token, NOW);
  }

  /** The reason a token is refused, checked to be a 401 that echoes none of it. */
  private static String reason(String token) {
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> verify(token, keyId -> keys),
            "the token should be refused");
    assertEquals(ErrorCode.UNAUTHORIZED, e.code(), "a refused token should be answered 401");
    String challenge = e.headers().get("WWW-Authenticate");
    assertTrue(
        challenge.startsWith("Bearer realm=\"otel-demo\", error=\"invalid_token\""),
        "a sent but refused token gets error=\"invalid_token\", was: " + challenge);
    for (String part : token.split("\\.")) {
      assertFalse(
          part.length() > 8 && (e.getMessage().contains(part) || challenge.contains(part)),
          "no part of the token should be echoed");
    }
    assertFalse(
        e.getMessage().contains("secret-") || challenge.contains("secret-"),
        "no claim value should be echoed, was: " + e.getMessage());
    return e.getMessage();
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), "expected \"" + part + "\" in: " + text);
  }

  @Test
  void aTokenSentAgainIsKeptAndItsTimesAreCheckedOnEveryUse() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.plusSeconds(120).getEpochSecond());
    String token = issuer.sign(claims);
    TokenVerifier verifier = new TokenVerifier(DevIssuer.ISSUER, SKEW, keyId -> keys);

    assertEquals(SECRET_SUB, verifier.verify(token, NOW).subject());
    assertEquals(1, verifier.kept(), "an accepted token is kept");
    assertEquals(
        SECRET_SUB,
        verifier.verify(token, NOW.plusSeconds(170)).subject(),
        "expired 50 s ago, within the skew");
    AuthenticationException expired =
        assertThrows(
            AuthenticationException.class, () -> verifier.verify(token, NOW.plusSeconds(180)));
    assertEquals("The token has expired", expired.getMessage());
    assertEquals(0, verifier.kept(), "a refused token is not kept");
  }

  @Test
  void aKeptTokenIsRefusedOnceTheIssuerNoLongerHasItsKey(@TempDir Path otherDir) throws Exception {
    DevIssuer.openOrCreate(otherDir);
    SigningKeys rotated = SigningKeys.parse(Files.readString(otherDir.resolve("jwks.json")));
    AtomicReference<SigningKeys> current = new AtomicReference<>(keys);
    TokenVerifier verifier = new TokenVerifier(DevIssuer.ISSUER, SKEW, keyId -> current.get());
    String token = issuer.sign(claims());
    verifier.verify(token, NOW);

    current.set(rotated);

    AuthenticationException refused =
        assertThrows(AuthenticationException.class, () -> verifier.verify(token, NOW));
    assertEquals("The token's signing key is not recognised", refused.getMessage());
  }

  @Test
  void theKeptTokensAreBounded() throws Exception {
    TokenVerifier verifier = new TokenVerifier(DevIssuer.ISSUER, SKEW, keyId -> keys);

    for (int i = 0; i <= TokenVerifier.KEPT_TOKENS; i++) {
      verifier.verify(
          issuer.sign(issuer.accessTokenClaims("user-" + i, "u", List.of(), NOW, 600)), NOW);
      assertTrue(verifier.kept() <= TokenVerifier.KEPT_TOKENS, "kept: " + verifier.kept());
    }
    assertTrue(verifier.kept() > 0, "the newest token is kept");
  }

  @Test
  void aValidTokenIsAcceptedAndItsClaimsHandedOn() throws Exception {
    CognitoClaims claims = verify(issuer.sign(claims()), keyId -> keys);

    assertEquals(SECRET_SUB, claims.subject());
    assertEquals("secret-username", claims.text("username").orElseThrow());
    assertEquals(Set.of("secret-group"), claims.groups());
  }

  @ParameterizedTest
  @ValueSource(strings = {"opaque-access-token", "only.two", "a.b.c.d", "a.b.c.d.e"})
  void aTokenThatIsNoSignedJwtIsSaidSo(String token) {
    assertContains(reason(token), "not a signed JWT");
  }

  @Test
  void paddingOrCharactersOutsideBase64UrlAreMalformed() throws Exception {
    String[] parts = issuer.sign(claims()).split("\\.");

    assertContains(reason(parts[0] + "==." + parts[1] + "." + parts[2]), "malformed");
    assertContains(reason(parts[0] + "." + parts[1] + "." + parts[2] + "+/"), "malformed");
    assertContains(reason(parts[0] + "." + parts[1] + "!." + parts[2]), "malformed");
  }

  @Test
  void partsThatAreNoJsonObjectsAreMalformed() {
    String header = DevIssuer.part(header(issuer.keyId(), "RS256"));
    assertContains(reason(".."), "malformed");
    assertContains(reason(b64("not json") + "." + b64("{}") + ".c2ln"), "malformed");
    assertContains(reason(b64("[1,2]") + "." + b64("{}") + ".c2ln"), "malformed");
    assertContains(reason(header + "." + b64("\"text\"") + ".c2ln"), "malformed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "HS256", "RS384", "ES256", "PS256", "rs256"})
  void anAlgorithmOtherThanRs256IsNamed(String alg) {
    String token =
        DevIssuer.part(header(issuer.keyId(), alg))
            + "."
            + DevIssuer.part(claims())
            + (alg.equals("none") ? "." : ".c2lnbmF0dXJl");

    String reason = reason(token);
    assertContains(reason, "algorithm");
    assertContains(reason, "RS256");
  }

  @Test
  void aMissingAlgorithmIsNamed() {
    assertContains(
        reason(
            DevIssuer.part(header(issuer.keyId(), null))
                + "."
                + DevIssuer.part(claims())
                + ".c2ln"),
        "algorithm");
  }

  @Test
  void aSignatureTheKeyDidNotMakeIsRefused() throws Exception {
    String token = issuer.sign(claims());

    for (String forged :
        List.of(
            token + "A",
            token.substring(0, token.length() - 4) + "AAAA",
            DevIssuer.sign(header(issuer.keyId(), "RS256"), claims(), strangerKey))) {
      assertContains(reason(forged), "signature is not valid");
    }
  }

  @Test
  void changedClaimsUnderTheIssuersSignatureAreRefused() throws Exception {
    String[] parts = issuer.sign(claims()).split("\\.");
    Map<String, Object> more = claims();
    more.put("cognito:groups", List.of("secret-group", "admins"));

    assertContains(
        reason(parts[0] + "." + DevIssuer.part(more) + "." + parts[2]), "signature is not valid");
  }

  @Test
  void anUnknownKeyIdIsRefused() throws Exception {
    assertContains(
        reason(DevIssuer.sign(header("some-other-key", "RS256"), claims(), strangerKey)),
        "signing key is not recognised");
  }

  @Test
  void everyTokenIsRefusedWhileNoKeysCanBeHad() throws Exception {
    String token = issuer.sign(claims());

    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () ->
                verify(
                    token,
                    keyId -> {
                      throw new IllegalStateException("The token issuer's keys cannot be fetched");
                    }));

    assertContains(e.getMessage(), "not recognised");
  }

  @Test
  void theKeysAreAskedForTheTokensKeyId() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    verify(
        issuer.sign(claims()),
        keyId -> {
          assertEquals(issuer.keyId(), keyId, "the keys should be asked for the token's kid");
          asked.incrementAndGet();
          return keys;
        });

    assertEquals(1, asked.get(), "the keys are asked once per token");
  }

  @Test
  void aTokenWithoutExpiryIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.remove("exp");

    assertContains(reason(issuer.sign(claims)), "no expiry (exp)");
  }

  @Test
  void anExpiryThatIsNoNumberIsAClaimOfTheWrongType() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", String.valueOf(NOW.plusSeconds(600).getEpochSecond()));

    assertContains(reason(issuer.sign(claims)), "wrong type");
  }

  @Test
  void aTokenExpiredBeyondTheSkewIsSaidToHaveExpired() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(120).getEpochSecond());

    assertContains(reason(issuer.sign(claims)), "expired");
  }

  @Test
  void aTokenExpiredWithinTheSkewIsAccepted() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(30).getEpochSecond());

    assertEquals(SECRET_SUB, verify(issuer.sign(claims), keyId -> keys).subject());
  }

  @Test
  void theSkewIsTheConfiguredOne() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(100).getEpochSecond());
    String token = issuer.sign(claims);

    TokenVerifier generous =
        new TokenVerifier(DevIssuer.ISSUER, Duration.ofMinutes(2), keyId -> keys);
    assertEquals(SECRET_SUB, generous.verify(token, NOW).subject(), "within a 2 min skew");
    assertContains(reason(token), "expired");
  }

  @Test
  void aTokenNotValidYetIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("nbf", NOW.plusSeconds(300).getEpochSecond());

    assertContains(reason(issuer.sign(claims)), "not valid yet (nbf)");
  }

  @Test
  void aNotBeforeWithinTheSkewIsAccepted() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("nbf", NOW.plusSeconds(59).getEpochSecond());

    assertEquals(SECRET_SUB, verify(issuer.sign(claims), keyId -> keys).subject());
  }

  @Test
  void expiryIsReportedBeforeTheIssuer() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(3600).getEpochSecond());
    claims.put("iss", "https://elsewhere.example.com");

    assertContains(reason(issuer.sign(claims)), "expired");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other",
        "https://cognito-idp.local.otel-demo.dev/local_devpool/",
        ""
      })
  void anotherIssuerIsSaidSo(String iss) throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iss", iss);

    assertContains(reason(issuer.sign(claims)), "another issuer");
  }

  @Test
  void aMissingIssuerIsAnotherIssuer() throws Exception {
    Map<String, Object> claims = claims();
    claims.remove("iss");

    assertContains(reason(issuer.sign(claims)), "another issuer");
  }

  @Test
  void aTokenIssuedInTheFutureIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", NOW.plusSeconds(300).getEpochSecond());
    claims.put("exp", NOW.plusSeconds(900).getEpochSecond());

    assertContains(reason(issuer.sign(claims)), "issued in the future (iat)");
  }

  @Test
  void anIssueTimeWithinTheSkewIsAccepted() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", NOW.plusSeconds(60).getEpochSecond());

    assertEquals(SECRET_SUB, verify(issuer.sign(claims), keyId -> keys).subject());
  }

  @Test
  void anIssueTimeThatIsNoNumberIsAClaimOfTheWrongType() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", "yesterday");

    assertContains(reason(issuer.sign(claims)), "iat");
  }

  @Test
  void aTokenExpiringBeforeItWasIssuedIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", NOW.getEpochSecond());
    claims.put("exp", NOW.minusSeconds(10).getEpochSecond());

    assertContains(reason(issuer.sign(claims)), "exp not after iat");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aTokenWithoutSubjectIsSaidSo(String sub) throws Exception {
    Map<String, Object> claims = claims();
    claims.put("sub", sub);
    assertContains(reason(issuer.sign(claims)), "no subject (sub)");

    claims.remove("sub");
    assertContains(reason(issuer.sign(claims)), "no subject (sub)");
  }

  @Test
  void claimsOfTheWrongTypeAreNamed() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("cognito:groups", "secret-group");
    assertContains(reason(issuer.sign(claims)), "cognito:groups claim must be a list");

    claims = claims();
    claims.put("cognito:groups", List.of("secret-group", 7));
    assertContains(reason(issuer.sign(claims)), "cognito:groups claim must be a list");

    claims = claims();
    claims.put("client_id", List.of("secret-client"));
    assertContains(reason(issuer.sign(claims)), "client_id claim must be a string");

    claims = claims();
    claims.put("token_use", 1);
    assertContains(reason(issuer.sign(claims)), "token_use claim must be a string");

    claims = claims();
    claims.put("aud", 1);
    assertContains(reason(issuer.sign(claims)), "audience (aud)");
  }

  @Test
  void quotesNeverBreakTheChallenge() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("client_id", 5);
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class, () -> verify(issuer.sign(claims), keyId -> keys));
    String challenge = e.headers().get("WWW-Authenticate");
    String description =
        challenge.substring(
            challenge.indexOf("error_description=\"") + "error_description=\"".length(),
            challenge.length() - 1);

    assertFalse(
        description.contains("\"") || description.contains("\\"),
        "error_description must not contain '\"' or '\\' (RFC 6750), was: " + description);
  }

  @Test
  void keysOfAnotherTypeUseOrAlgorithmAreNotSigningKeys() throws Exception {
    String jwks = Files.readString(issuerDir.resolve("jwks.json"));
    String key = jwks.substring(jwks.indexOf('[') + 1, jwks.lastIndexOf(']'));
    String kid = "\"kid\":\"" + issuer.keyId() + "\"";
    SigningKeys parsed =
        SigningKeys.parse(
            "{\"keys\":["
                + String.join(
                    ",",
                    key.replace(kid, "\"kid\":\"enc\"").replace("\"sig\"", "\"enc\""),
                    key.replace(kid, "\"kid\":\"ps\"").replace("RS256", "PS256"),
                    key.replace(kid + ",", "").replace("," + kid, ""),
                    key.replace(kid, "\"kid\":\"broken\"").replaceFirst("\"n\":\"[^\"]*\",?", ""),
                    key.replace(kid, "\"kid\":\"bare\"")
                        .replace("\"use\":\"sig\",", "")
                        .replace("\"alg\":\"RS256\",", ""),
                    "{\"kty\":\"oct\",\"kid\":\"secret\",\"k\":\"c2VjcmV0\"}")
                + "]}");

    assertFalse(
        parsed.knows("enc")
            || parsed.knows("ps")
            || parsed.knows("broken")
            || parsed.knows("secret"),
        "only readable RSA signing keys for RS256 should be kept");
    assertFalse(parsed.knows(null), "no key is found without a key id");
    assertTrue(parsed.knows("bare"), "an RSA key without use or alg signs");
  }

  @Test
  void aKeySetThatIsNoJwksCannotBeRead() {
    assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse("not json"));
  }
}
