package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.devissuer.DevIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens signed by the issuer's own key that Liberty's MicroProfile JWT refuses: the gate's check
 * refuses each of them first, so that Liberty, which logs a refused token whole, never sees one.
 * Every token here is signed with the issuer's real key; only the one thing named is wrong.
 */
class TokenAgreementTest {

  private static final Instant NOW = Instant.parse("2026-01-25T12:00:00Z");
  private static final Duration SKEW = Duration.ofSeconds(60);

  @TempDir static Path issuerDir;

  private static DevIssuer issuer;
  private static String jwks;

  @BeforeAll
  static void issuer() throws Exception {
    issuer = DevIssuer.openOrCreate(issuerDir);
    jwks = Files.readString(issuerDir.resolve("jwks.json"));
  }

  /** The gate's verdict on a token at NOW: its reason to refuse, or empty to accept. */
  private static Optional<String> refusal(String token) {
    TokenVerifier verifier =
        new TokenVerifier(DevIssuer.ISSUER, SKEW, keyId -> SigningKeys.parse(jwks));
    try {
      verifier.verify(token, NOW);
      return Optional.empty();
    } catch (AuthenticationException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String header() {
    return "{\"kid\":\"" + issuer.keyId() + "\",\"alg\":\"RS256\"";
  }

  /** Valid access-token claims at NOW as JSON text without its closing brace. */
  private static String claims() {
    Map<String, Object> claims =
        issuer.accessTokenClaims(
            "0f6a1c2e-1111-2222-3333-444455556666",
            "alice",
            List.of("distance-users"),
            NOW.minusSeconds(60),
            3600);
    String json = DevIssuer.json(claims);
    return json.substring(0, json.length() - 1);
  }

  private static String sign(String header, String claims) throws Exception {
    return DevIssuer.signJson(header, claims, issuer.privateKey());
  }

  private static long at(long secondsFromNow) {
    return NOW.getEpochSecond() + secondsFromNow;
  }

  /**
   * A name, the end of the header and the end of the claims (JSON text) of a token Liberty refuses.
   * A claim set here replaces the issued one, unless the name says it comes twice.
   */
  static Stream<Arguments> refusedByLiberty() {
    return Stream.of(
        Arguments.of("crit naming a header nobody understands", ",\"crit\":[\"x\"],\"x\":1}", "}"),
        Arguments.of("crit naming a claim", ",\"crit\":[\"exp\"]}", "}"),
        Arguments.of("crit that is no list", ",\"crit\":\"x\",\"x\":1}", "}"),
        Arguments.of("b64 false (an unencoded payload)", ",\"b64\":false}", "}"),
        Arguments.of("b64 false, marked critical", ",\"b64\":false,\"crit\":[\"b64\"]}", "}"),
        Arguments.of("cty JWT (a nested token)", ",\"cty\":\"JWT\"}", "}"),
        Arguments.of("alg twice in the header", ",\"alg\":\"RS256\"}", "}"),
        Arguments.of("kid twice in the header", ",\"kid\":\"" + issuer.keyId() + "\"}", "}"),
        Arguments.of("sub twice in the claims", "}", ",\"sub\":\"someone-else\"}"),
        Arguments.of("a member twice in a nested claim", "}", ",\"o\":{\"a\":1,\"a\":2}}"),
        Arguments.of("nbf as a string", "}", ",\"nbf\":\"" + at(-60) + "\"}"),
        Arguments.of("aud as a number", "}", ",\"aud\":123}"),
        Arguments.of("aud as a list with a number", "}", ",\"aud\":[\"itclientweb\",1]}"),
        Arguments.of("jti as a number", "}", ",\"jti\":5}"),
        Arguments.of("iss as a number", "}", ",\"iss\":5}"),
        Arguments.of("iat equal to exp", "}", ",\"iat\":" + at(30) + ",\"exp\":" + at(30) + "}"),
        Arguments.of("nbf exactly the clock skew ahead", "}", ",\"nbf\":" + at(60) + "}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByLiberty")
  void aTokenLibertyRefusesIsRefusedFirst(String name, String headerEnd, String claimsEnd)
      throws Exception {
    String claims = name.contains("twice") ? claims() : withoutMembersOf(claimsEnd);
    String token = sign(header() + headerEnd, claims + claimsEnd);

    Optional<String> refusal = refusal(token);

    assertTrue(refusal.isPresent(), () -> "a token with " + name + " should be refused");
  }

  /** The issued claims without the members {@code end} sets. */
  private static String withoutMembersOf(String end) {
    String claims = claims();
    Matcher member = Pattern.compile("\"([^\"]+)\":").matcher(end);
    while (member.find()) {
      claims =
          claims.replaceAll(",?\"" + Pattern.quote(member.group(1)) + "\":(\"[^\"]*\"|\\d+)", "");
    }
    return claims;
  }

  @Test
  void aTokenAtTheEndOfTheClockSkewIsExpired() throws Exception {
    // Liberty refuses a token once now - skew reaches its exp; the gate must not let it through
    // in the second before (Liberty reads its clock a moment after the gate).
    String atTheEdge = claims().replaceAll("\"exp\":\\d+", "\"exp\":" + at(-60)) + "}";
    String aSecondBefore = claims().replaceAll("\"exp\":\\d+", "\"exp\":" + at(-59)) + "}";

    assertEquals(Optional.of("The token has expired"), refusal(sign(header() + "}", atTheEdge)));
    assertEquals(
        Optional.of("The token has expired"), refusal(sign(header() + "}", aSecondBefore)));
  }

  @Test
  void aTokenTwoSecondsInsideTheClockSkewIsAccepted() throws Exception {
    String inside = claims().replaceAll("\"exp\":\\d+", "\"exp\":" + at(-58)) + "}";

    assertEquals(Optional.empty(), refusal(sign(header() + "}", inside)));
  }

  @ParameterizedTest(name = "sub with U+{0}")
  @MethodSource("controlCharacters")
  void aSubjectWithAControlCharacterIsRefused(String codePoint) throws Exception {
    char control = (char) Integer.parseInt(codePoint, 16);
    Map<String, Object> claims =
        issuer.accessTokenClaims(
            "abc" + control + "def", "alice", List.of("distance-users"), NOW, 600);

    assertEquals(
        Optional.of("The token's subject (sub) has a control character"),
        refusal(issuer.sign(claims)));
  }

  static Stream<String> controlCharacters() {
    return Stream.of("000A", "000D", "0009", "0000", "0007", "007F", "0085");
  }

  @Test
  void aValidTokenIsAccepted() throws Exception {
    assertEquals(Optional.empty(), refusal(sign(header() + "}", claims() + "}")));
  }
}
