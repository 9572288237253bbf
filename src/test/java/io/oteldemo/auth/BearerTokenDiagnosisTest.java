package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.devissuer.DevIssuer;
import io.oteldemo.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenDiagnosisTest {

  private static final Instant NOW = Instant.parse("2026-01-25T12:00:00Z");
  private static final String ISSUER = DevIssuer.ISSUER;

  /** A claim value that must never be echoed back. */
  private static final String SECRET_SUB = "secret-sub-123";

  @TempDir static Path issuerDir;

  private static DevIssuer issuer;
  private static PrivateKey strangerKey;

  @BeforeAll
  static void issuers() throws Exception {
    issuer = DevIssuer.openOrCreate(issuerDir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    strangerKey = generator.generateKeyPair().getPrivate();
  }

  private static Map<String, Object> header(String alg) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", "some-key");
    if (alg != null) {
      header.put("alg", alg);
    }
    return header;
  }

  /** Access-token claims valid at NOW, with the secret subject. */
  private static Map<String, Object> claims() {
    return issuer.accessTokenClaims(
        SECRET_SUB, "secret-username", List.of("secret-group"), NOW.minusSeconds(600), 3600);
  }

  /** A token with a signature-shaped third part; the diagnosis never checks it. */
  private static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
    return DevIssuer.part(header) + "." + DevIssuer.part(claims) + ".c2lnbmF0dXJl";
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static AuthenticationException explain(String authorization) {
    AuthenticationException e = BearerTokenDiagnosis.explain(authorization, ISSUER, NOW);
    assertNotNull(e, "a refusal should always be explained");
    assertEquals(ErrorCode.UNAUTHORIZED, e.code(), "a refused token should be answered 401");
    return e;
  }

  private static String challenge(AuthenticationException e) {
    String challenge = e.headers().get("WWW-Authenticate");
    assertNotNull(challenge, "a 401 should carry a WWW-Authenticate challenge");
    assertTrue(
        challenge.startsWith("Bearer realm=\"otel-demo\""),
        "the challenge should be a Bearer challenge of realm otel-demo, was: " + challenge);
    return challenge;
  }

  /** Explains a sent token: error="invalid_token" with the message as description. */
  private static String invalidTokenReason(String token) {
    AuthenticationException e = explain("Bearer " + token);
    String challenge = challenge(e);
    assertTrue(
        challenge.contains("error=\"invalid_token\""),
        "a sent but refused token should be answered error=\"invalid_token\", was: " + challenge);
    assertTrue(
        challenge.contains("error_description=\"" + e.getMessage().replace("\"", "'") + "\""),
        "the challenge should describe the error with the message, was: " + challenge);
    assertFalse(
        !token.isEmpty() && (e.getMessage().contains(token) || challenge.contains(token)),
        "the token should never be echoed back");
    assertFalse(
        e.getMessage().contains(SECRET_SUB) || challenge.contains(SECRET_SUB),
        "no claim of the token should be echoed back, was: " + e.getMessage() + " / " + challenge);
    assertFalse(
        e.getMessage().contains("secret-") || challenge.contains("secret-"),
        "no claim value should be echoed back, was: " + e.getMessage() + " / " + challenge);
    return e.getMessage();
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), "expected \"" + part + "\" in: " + text);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void noCredentialsGetTheBareChallenge(String authorization) {
    AuthenticationException e = explain(authorization);

    assertEquals(
        "Bearer realm=\"otel-demo\"",
        challenge(e),
        "a request without credentials should get the challenge without an error attribute");
    assertContains(e.getMessage(), "Authorization: Bearer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNz",
        "Digest username=\"u\"",
        "Token abc.def.ghi",
        "Bearerabc.def.ghi"
      })
  void anotherSchemeGetsTheBareChallengeNamingBearer(String authorization) {
    AuthenticationException e = explain(authorization);

    assertFalse(
        challenge(e).contains("error="),
        "credentials of another scheme should get no error attribute, was: " + challenge(e));
    assertContains(e.getMessage(), "Bearer");
    assertFalse(
        e.getMessage().contains("dXNlcjpwYXNz") || e.getMessage().contains("abc.def"),
        "the credentials should not be echoed back");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "BeArEr "})
  void theBearerSchemeIsCaseInsensitive(String scheme) throws Exception {
    String token = issuer.sign(claims());
    AuthenticationException e = explain(scheme + token);

    assertContains(challenge(e), "error=\"invalid_token\"");
    assertContains(e.getMessage(), "signature");
  }

  @ParameterizedTest
  @ValueSource(strings = {"opaque-access-token", "only.two", "a.b.c.d", "a.b.c.d.e"})
  void aTokenThatIsNoSignedJwtIsSaidSo(String token) {
    assertContains(invalidTokenReason(token), "not a signed JWT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "Bearer ", "bearer   "})
  void theSchemeWithoutATokenIsAnsweredWithTheBareChallenge(String header) {
    AuthenticationException e = explain(header);
    assertFalse(challenge(e).contains("error="), "no token was sent: no error attribute");
    assertContains(e.getMessage(), "missing");
  }

  @Test
  void spacesAroundTheTokenAreIgnored() throws Exception {
    String token = issuer.sign(claims());

    assertContains(explain("Bearer    " + token + "  ").getMessage(), "signature");
  }

  @Test
  void anUndecodableClaimsPartIsMalformed() {
    assertContains(invalidTokenReason(DevIssuer.part(header("RS256")) + ".%%%.sig"), "malformed");
  }

  @Test
  void garbageBase64IsMalformed() {
    assertContains(invalidTokenReason("!!!.@@@.###"), "malformed");
  }

  @Test
  void emptyPartsAreMalformed() {
    assertContains(invalidTokenReason(".."), "malformed");
  }

  @Test
  void partsThatAreNoJsonObjectsAreMalformed() {
    assertContains(invalidTokenReason(b64("not json") + "." + b64("{}") + ".sig"), "malformed");
    assertContains(invalidTokenReason(b64("[1,2]") + "." + b64("{}") + ".sig"), "malformed");
    assertContains(
        invalidTokenReason(DevIssuer.part(header("RS256")) + "." + b64("\"text\"") + ".sig"),
        "malformed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "HS256", "RS384", "ES256", "rs256"})
  void anAlgorithmOtherThanRs256IsNamed(String alg) {
    String token =
        DevIssuer.part(header(alg))
            + "."
            + DevIssuer.part(claims())
            + (alg.equals("none") ? "." : ".c2lnbmF0dXJl");

    String reason = invalidTokenReason(token);
    assertContains(reason, "algorithm");
    assertContains(reason, "RS256");
  }

  @Test
  void aMissingAlgorithmIsNamed() {
    assertContains(invalidTokenReason(unsigned(header(null), claims())), "algorithm");
  }

  @Test
  void aTokenWithoutExpiryIsSaidSo() {
    Map<String, Object> claims = claims();
    claims.remove("exp");

    assertContains(invalidTokenReason(unsigned(header("RS256"), claims)), "no expiry (exp)");
  }

  @Test
  void anExpiryThatIsNoNumberCountsAsNone() {
    Map<String, Object> claims = claims();
    claims.put("exp", String.valueOf(NOW.plusSeconds(600).getEpochSecond()));

    assertContains(invalidTokenReason(unsigned(header("RS256"), claims)), "no expiry (exp)");
  }

  @Test
  void aTokenExpiredBeyondTheSkewIsSaidToHaveExpired() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(120).getEpochSecond());

    assertContains(invalidTokenReason(issuer.sign(claims)), "expired");
  }

  @Test
  void aTokenExpiredWithinTheSkewIsNotSaidToHaveExpired() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(30).getEpochSecond());

    String reason = invalidTokenReason(issuer.sign(claims));
    assertFalse(
        reason.contains("expired"),
        "a token expired 30s ago is within the 60s skew and should not be called expired, was: "
            + reason);
    assertContains(reason, "signature");
  }

  @Test
  void theSkewIsSixtySeconds() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(60).getEpochSecond());
    assertFalse(
        invalidTokenReason(issuer.sign(claims)).contains("expired"),
        "a token expired exactly 60s ago should still be within the skew");

    claims.put("exp", NOW.minusSeconds(61).getEpochSecond());
    assertContains(invalidTokenReason(issuer.sign(claims)), "expired");
  }

  @Test
  void aTokenNotValidYetIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("nbf", NOW.plusSeconds(300).getEpochSecond());

    assertContains(invalidTokenReason(issuer.sign(claims)), "not valid yet (nbf)");
  }

  @Test
  void aNotBeforeWithinTheSkewIsAccepted() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("nbf", NOW.plusSeconds(30).getEpochSecond());

    String reason = invalidTokenReason(issuer.sign(claims));
    assertFalse(reason.contains("nbf"), "nbf 30s ahead is within the skew, was: " + reason);
  }

  @Test
  void expiryIsReportedBeforeTheIssuer() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("exp", NOW.minusSeconds(3600).getEpochSecond());
    claims.put("iss", "https://elsewhere.example.com");

    assertContains(invalidTokenReason(issuer.sign(claims)), "expired");
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

    assertContains(invalidTokenReason(issuer.sign(claims)), "another issuer");
  }

  @Test
  void aMissingIssuerIsAnotherIssuer() throws Exception {
    Map<String, Object> claims = claims();
    claims.remove("iss");

    assertContains(invalidTokenReason(issuer.sign(claims)), "another issuer");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsASignatureProblem() throws Exception {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", issuer.keyId());
    header.put("alg", "RS256");
    String token = DevIssuer.sign(header, claims(), strangerKey);

    String reason = invalidTokenReason(token);
    assertContains(reason, "signature or signing key is not recognised");
  }

  @Test
  void aValidlyShapedTokenOfTheIssuerIsASignatureProblem() throws Exception {
    // MicroProfile JWT refused it, and nothing the diagnosis can read explains why.
    assertContains(invalidTokenReason(issuer.sign(claims())), "signature");
  }

  @Test
  void quotesNeverBreakTheChallenge() throws Exception {
    AuthenticationException e = explain("Bearer " + issuer.sign(claims()));
    String challenge = challenge(e);
    String description =
        challenge.substring(
            challenge.indexOf("error_description=\"") + "error_description=\"".length(),
            challenge.length() - 1);

    assertFalse(
        description.contains("\"") || description.contains("\\"),
        "error_description must not contain '\"' or '\\' (RFC 6750), was: " + description);
    assertTrue(challenge.endsWith("\""), "the challenge should end with the closing quote");
  }

  @Test
  void aTokenIssuedInTheFutureIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", NOW.plusSeconds(300).getEpochSecond());
    claims.put("exp", NOW.plusSeconds(900).getEpochSecond());

    assertContains(invalidTokenReason(issuer.sign(claims)), "issued in the future (iat)");
  }

  @Test
  void anIssueTimeWithinTheSkewIsAccepted() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", NOW.plusSeconds(30).getEpochSecond());

    assertFalse(
        invalidTokenReason(issuer.sign(claims)).contains("iat"),
        "iat 30s ahead is within the skew");
  }

  @Test
  void anIssueTimeThatIsNoNumberIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", "yesterday");

    assertContains(invalidTokenReason(issuer.sign(claims)), "iat");
  }

  @Test
  void aTokenExpiringBeforeItWasIssuedIsSaidSo() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("iat", NOW.getEpochSecond());
    claims.put("exp", NOW.minusSeconds(10).getEpochSecond());

    assertContains(invalidTokenReason(issuer.sign(claims)), "exp before iat");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aTokenWithoutSubjectIsSaidSo(String sub) throws Exception {
    Map<String, Object> claims = claims();
    claims.put("sub", sub);
    assertContains(invalidTokenReason(issuer.sign(claims)), "no subject (sub)");

    claims.remove("sub");
    assertContains(invalidTokenReason(issuer.sign(claims)), "no subject (sub)");
  }

  @Test
  void claimsOfTheWrongTypeAreNamed() throws Exception {
    Map<String, Object> claims = claims();
    claims.put("cognito:groups", "secret-group");
    assertContains(invalidTokenReason(issuer.sign(claims)), "cognito:groups claim must be a list");

    claims = claims();
    claims.put("client_id", List.of("secret-client"));
    assertContains(invalidTokenReason(issuer.sign(claims)), "client_id claim must be a string");

    claims = claims();
    claims.put("token_use", 1);
    assertContains(invalidTokenReason(issuer.sign(claims)), "token_use claim must be a string");
  }

  @Test
  void paddingOrOtherCharactersOutsideBase64UrlAreMalformed() throws Exception {
    String[] parts = issuer.sign(claims()).split("\\.");

    assertContains(invalidTokenReason(parts[0] + "==." + parts[1] + "." + parts[2]), "malformed");
    assertContains(
        invalidTokenReason(parts[0] + "." + parts[1] + "." + parts[2] + "+/"), "malformed");
  }

  private static Optional<AuthenticationException> refusal(String token) throws Exception {
    SigningKeys keys = SigningKeys.parse(Files.readString(issuerDir.resolve("jwks.json")));
    return BearerTokenDiagnosis.refusal("Bearer " + token, ISSUER, keyId -> keys, NOW);
  }

  @Test
  void theGateLetsAValidTokenThrough() throws Exception {
    assertEquals(
        Optional.empty(),
        refusal(issuer.sign(claims())),
        "a token of the issuer, signed with its key, should be handed on");
  }

  @Test
  void theGateRefusesASignatureTheKeyDidNotMake() throws Exception {
    String token = issuer.sign(claims());
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", issuer.keyId());
    header.put("alg", "RS256");

    for (String forged :
        List.of(
            token + "A",
            token.substring(0, token.length() - 4) + "AAAA",
            DevIssuer.sign(header, claims(), strangerKey))) {
      AuthenticationException e =
          refusal(forged)
              .orElseThrow(() -> new AssertionError("a forged signature should be refused"));
      assertContains(e.getMessage(), "signature is not valid");
      assertFalse(
          e.getMessage().contains(forged.substring(forged.length() - 20)),
          "the token should not be echoed");
    }
  }

  @Test
  void theGateRefusesAnUnknownKey() throws Exception {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", "some-other-key");
    header.put("alg", "RS256");

    assertContains(
        refusal(DevIssuer.sign(header, claims(), strangerKey)).orElseThrow().getMessage(),
        "signing key is not recognised");
  }

  @Test
  void theGateRefusesEveryTokenWhileNoKeysCanBeFetched() throws Exception {
    Optional<AuthenticationException> refused =
        BearerTokenDiagnosis.refusal(
            "Bearer " + issuer.sign(claims()),
            ISSUER,
            keyId -> {
              throw new IllegalStateException("The token issuer's keys cannot be fetched");
            },
            NOW);

    assertContains(refused.orElseThrow().getMessage(), "not recognised");
  }

  @Test
  void theGateRefusesMissingCredentialsWithTheBareChallenge() throws Exception {
    AuthenticationException e =
        BearerTokenDiagnosis.refusal(
                null,
                ISSUER,
                keyId -> {
                  throw new AssertionError("no keys are needed without a token");
                },
                NOW)
            .orElseThrow();

    assertEquals("Bearer realm=\"otel-demo\"", challenge(e));
  }

  @Test
  void keysOfAnotherTypeOrUseAreNotSigningKeys() {
    SigningKeys keys =
        SigningKeys.parse(
            "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"ec\"},"
                + "{\"kty\":\"RSA\",\"kid\":\"enc\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
                + "{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"%%\",\"e\":\"AQAB\"}]}");

    assertFalse(
        keys.knows("ec") || keys.knows("enc") || keys.knows("broken"),
        "only readable RSA signing keys should be kept");
    assertFalse(keys.verifies("ec", "a.b", new byte[] {1}), "an unknown key verifies nothing");
  }
}
