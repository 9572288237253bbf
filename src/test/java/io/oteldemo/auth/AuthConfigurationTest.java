package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.auth.AuthConfiguration.TokenUse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthConfigurationTest {

  private static final String REGION = "us-east-1";
  private static final String POOL = "us-east-1_AbC123";

  /** What microprofile-config.properties derives from AWS_REGION and COGNITO_USER_POOL_ID. */
  private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL;

  private static final String JWKS = ISSUER + "/.well-known/jwks.json";

  /** A complete Cognito configuration, as the application would read it in production. */
  private static Map<String, String> cognito() {
    Map<String, String> settings = new HashMap<>();
    settings.put("AWS_REGION", REGION);
    settings.put("COGNITO_USER_POOL_ID", POOL);
    settings.put("mp.jwt.verify.issuer", ISSUER);
    settings.put("AUTH_JWKS_LOCATION", JWKS);
    settings.put("COGNITO_CLIENT_ID", "abc123,def456");
    settings.put("AUTH_CLOCK_SKEW", "60s");
    return settings;
  }

  private static AuthConfiguration from(Map<String, String> settings) {
    return AuthConfiguration.from(name -> Optional.ofNullable(settings.get(name)));
  }

  /** The message of the refusal, after checking that the settings are refused. */
  private static String refusal(Map<String, String> settings) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> from(settings),
            "settings " + settings + " should be refused");
    assertTrue(
        e.getMessage().startsWith("Authentication is misconfigured: "),
        "the refusal should say authentication is misconfigured, was: " + e.getMessage());
    return e.getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(
          message.contains(part), "the message should mention \"" + part + "\", was: " + message);
    }
  }

  @Test
  void aCompleteCognitoConfigurationIsAccepted() {
    AuthConfiguration configuration = from(cognito());

    assertEquals(ISSUER, configuration.issuer(), "the issuer should be the configured one");
    assertEquals(
        JWKS, configuration.jwksLocation(), "the JWKS location should be the configured one");
    assertEquals(
        List.of("abc123", "def456"),
        new ArrayList<>(configuration.clientIds()),
        "both client ids should be accepted, in order");
    assertEquals(
        Set.of(TokenUse.ACCESS, TokenUse.ID),
        configuration.tokenUses(),
        "access and ID tokens should both be accepted when AUTH_TOKEN_USE is unset");
    assertEquals(
        Optional.empty(),
        configuration.requiredGroup(),
        "no group should be required when AUTH_REQUIRED_GROUP is unset");
  }

  @Test
  void clientIdsAreTrimmedAndDeduplicated() {
    Map<String, String> settings = cognito();
    settings.put("COGNITO_CLIENT_ID", "  abc123 , def456,abc123,, ");

    assertEquals(
        List.of("abc123", "def456"),
        new ArrayList<>(from(settings).clientIds()),
        "client ids should be trimmed, empty items dropped and duplicates kept once");
  }

  @Test
  void aClientIdOf128CharactersIsAcceptedWithUnderscoresAndPlus() {
    Map<String, String> settings = cognito();
    String longest = "a".repeat(128);
    settings.put("COGNITO_CLIENT_ID", longest + ",with_underscore,with+plus");

    assertEquals(
        Set.of(longest, "with_underscore", "with+plus"),
        from(settings).clientIds(),
        "Cognito client ids ([\\w+]{1,128}) should be accepted");
  }

  @Test
  void accessOnlyIsAccepted() {
    Map<String, String> settings = cognito();
    settings.put("AUTH_TOKEN_USE", "access");

    assertEquals(
        Set.of(TokenUse.ACCESS),
        from(settings).tokenUses(),
        "only access tokens should be accepted");
  }

  @Test
  void idOnlyIsAccepted() {
    Map<String, String> settings = cognito();
    settings.put("AUTH_TOKEN_USE", "id");

    assertEquals(
        Set.of(TokenUse.ID), from(settings).tokenUses(), "only ID tokens should be accepted");
  }

  @Test
  void bothTokenUsesInAnyOrderWithSpaces() {
    Map<String, String> settings = cognito();
    settings.put("AUTH_TOKEN_USE", "id, access");

    assertEquals(
        Set.of(TokenUse.ID, TokenUse.ACCESS),
        from(settings).tokenUses(),
        "'id, access' should accept both kinds");
  }

  @Test
  void aRequiredGroupIsTrimmed() {
    Map<String, String> settings = cognito();
    settings.put("AUTH_REQUIRED_GROUP", "  distance-users ");

    assertEquals(
        Optional.of("distance-users"),
        from(settings).requiredGroup(),
        "the required group should be read trimmed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aBlankRequiredGroupRequiresNoGroup(String group) {
    Map<String, String> settings = cognito();
    settings.put("AUTH_REQUIRED_GROUP", group);

    assertEquals(
        Optional.empty(),
        from(settings).requiredGroup(),
        "a blank AUTH_REQUIRED_GROUP should require no group");
  }

  @Test
  void otherRegionsAreAccepted() {
    Map<String, String> settings = cognito();
    settings.put("AWS_REGION", "us-gov-west-1");
    settings.put("COGNITO_USER_POOL_ID", "us-gov-west-1_Xyz9");
    String issuer = "https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_Xyz9";
    settings.put("mp.jwt.verify.issuer", issuer);
    settings.put("AUTH_JWKS_LOCATION", issuer + "/.well-known/jwks.json");

    AuthConfiguration configuration = from(settings);

    assertEquals(issuer, configuration.issuer(), "the pool's issuer in that region");
    assertEquals(
        issuer + "/.well-known/jwks.json",
        configuration.jwksLocation(),
        "the pool's JWKS in that region");
  }

  @Test
  void overridesWithoutRegionAndPoolAreValid() {
    Map<String, String> settings = new HashMap<>();
    settings.put("mp.jwt.verify.issuer", "https://idp.example.com/realms/demo");
    settings.put("AUTH_JWKS_LOCATION", "file:/tmp/dev-issuer/jwks.json");
    settings.put("COGNITO_CLIENT_ID", "webclient");
    settings.put("AUTH_CLOCK_SKEW", "60s");

    AuthConfiguration configuration = from(settings);

    assertEquals(
        "https://idp.example.com/realms/demo",
        configuration.issuer(),
        "the overriding issuer should be used");
    assertEquals(
        "file:/tmp/dev-issuer/jwks.json",
        configuration.jwksLocation(),
        "a file: JWKS location should be accepted");
    assertEquals(
        Set.of("webclient"), configuration.clientIds(), "the one client id should be read");
  }

  @Test
  void httpIssuerAndJwksAreAccepted() {
    Map<String, String> settings = cognito();
    settings.put("mp.jwt.verify.issuer", "http://localhost:8081/issuer");
    settings.put("AUTH_JWKS_LOCATION", "http://localhost:8081/jwks.json");

    AuthConfiguration configuration = from(settings);

    assertEquals(
        "http://localhost:8081/issuer",
        configuration.issuer(),
        "an http: issuer should be accepted");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"us-east", "US-EAST-1", "useast1", "us-east-1a", "u-east-1", "us-east-123"})
  void aMalformedRegionIsRefused(String region) {
    Map<String, String> settings = cognito();
    settings.put("AWS_REGION", region);

    assertMentions(refusal(settings), "AWS_REGION '" + region + "' is not an AWS region");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"AbC123", "us-east-1-AbC123", "us-east-1_", "us-east-1_Ab-C", "us-east_AbC"})
  void aMalformedUserPoolIsRefused(String pool) {
    Map<String, String> settings = cognito();
    settings.put("COGNITO_USER_POOL_ID", pool);

    assertMentions(refusal(settings), "COGNITO_USER_POOL_ID '" + pool + "' is not a user pool id");
  }

  @Test
  void aUserPoolOfAnotherRegionIsRefused() {
    Map<String, String> settings = cognito();
    settings.put("COGNITO_USER_POOL_ID", "eu-west-1_AbC123");

    assertMentions(
        refusal(settings),
        "COGNITO_USER_POOL_ID 'eu-west-1_AbC123'",
        "not in AWS_REGION us-east-1");
  }

  @Test
  void anUnresolvableIssuerNamesEveryWayToSetIt() {
    // Without AWS_REGION and COGNITO_USER_POOL_ID, ${...} cannot be resolved: both are empty.
    Map<String, String> settings = cognito();
    settings.remove("AWS_REGION");
    settings.remove("COGNITO_USER_POOL_ID");
    settings.remove("mp.jwt.verify.issuer");
    settings.remove("AUTH_JWKS_LOCATION");

    assertMentions(
        refusal(settings),
        "no token issuer",
        "AWS_REGION",
        "COGNITO_USER_POOL_ID",
        "MP_JWT_VERIFY_ISSUER",
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
  }

  @Test
  void anIssuerWithoutJwksIsRefused() {
    Map<String, String> settings = cognito();
    settings.remove("AUTH_JWKS_LOCATION");

    assertMentions(refusal(settings), "no token issuer", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
  }

  @Test
  void jwksWithoutAnIssuerIsRefused() {
    Map<String, String> settings = cognito();
    settings.remove("mp.jwt.verify.issuer");

    assertMentions(refusal(settings), "no token issuer", "MP_JWT_VERIFY_ISSUER");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://idp.example.com/pool",
        "cognito-idp.us-east-1.amazonaws.com/pool",
        "file:/tmp/issuer",
        "https://",
        "https://idp example.com/pool"
      })
  void anIssuerThatIsNoHttpUrlIsRefused(String issuer) {
    Map<String, String> settings = cognito();
    settings.put("mp.jwt.verify.issuer", issuer);

    assertMentions(
        refusal(settings), "MP_JWT_VERIFY_ISSUER '" + issuer + "' is not an http(s) URL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://idp.example.com/jwks.json",
        "/etc/jwks.json",
        "jwks.json",
        "classpath:jwks.json"
      })
  void aJwksLocationThatIsNoHttpOrFileUrlIsRefused(String location) {
    Map<String, String> settings = cognito();
    settings.put("AUTH_JWKS_LOCATION", location);

    assertMentions(
        refusal(settings),
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION '" + location + "' is not an https:, http: or file: URL");
  }

  @Test
  void aMissingClientIdIsRefused() {
    Map<String, String> settings = cognito();
    settings.remove("COGNITO_CLIENT_ID");

    assertMentions(refusal(settings), "COGNITO_CLIENT_ID is not set");
  }

  @Test
  void aClientIdOfOnlyCommasIsRefusedAsMissing() {
    Map<String, String> settings = cognito();
    settings.put("COGNITO_CLIENT_ID", " , ,");

    assertMentions(refusal(settings), "COGNITO_CLIENT_ID is not set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc-123", "abc 123", "abc.123", "abc/123"})
  void aMalformedClientIdIsRefused(String clientId) {
    Map<String, String> settings = cognito();
    settings.put("COGNITO_CLIENT_ID", "good123," + clientId);

    assertMentions(
        refusal(settings), "COGNITO_CLIENT_ID '" + clientId + "' is not a Cognito app client id");
  }

  @Test
  void aClientIdOf129CharactersIsRefused() {
    Map<String, String> settings = cognito();
    String tooLong = "a".repeat(129);
    settings.put("COGNITO_CLIENT_ID", tooLong);

    assertMentions(refusal(settings), "COGNITO_CLIENT_ID '" + tooLong + "' is not a Cognito");
  }

  @ParameterizedTest
  @ValueSource(strings = {"refresh", "Access", "access,refresh"})
  void anUnknownTokenUseIsRefused(String tokenUse) {
    Map<String, String> settings = cognito();
    settings.put("AUTH_TOKEN_USE", tokenUse);

    String message = refusal(settings);
    String unknown = tokenUse.contains(",") ? "refresh" : tokenUse;
    assertMentions(message, "AUTH_TOKEN_USE '" + unknown + "' is neither access nor id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",", " , "})
  void anEmptyTokenUseIsRefused(String tokenUse) {
    Map<String, String> settings = cognito();
    settings.put("AUTH_TOKEN_USE", tokenUse);

    assertMentions(refusal(settings), "AUTH_TOKEN_USE must name access, id or both");
  }

  @Test
  void everyProblemIsReportedInOneMessage() {
    Map<String, String> settings = new HashMap<>();
    settings.put("AWS_REGION", "US-EAST-1");
    settings.put("COGNITO_USER_POOL_ID", "pool");
    settings.put("mp.jwt.verify.issuer", "ftp://idp");
    settings.put("COGNITO_CLIENT_ID", "bad-id");
    settings.put("AUTH_TOKEN_USE", "refresh");

    assertMentions(
        refusal(settings),
        "AWS_REGION 'US-EAST-1'",
        "COGNITO_USER_POOL_ID 'pool'",
        "no token issuer",
        "MP_JWT_VERIFY_ISSUER 'ftp://idp'",
        "COGNITO_CLIENT_ID 'bad-id'",
        "AUTH_TOKEN_USE 'refresh'",
        "AUTH_TOKEN_USE must name access, id or both");
  }

  @Test
  void aMissingClientIdIsReportedAlongWithABadRegion() {
    Map<String, String> settings = cognito();
    settings.put("AWS_REGION", "us-east");
    settings.remove("COGNITO_CLIENT_ID");

    String message = refusal(settings);
    assertMentions(message, "AWS_REGION 'us-east'", "COGNITO_CLIENT_ID is not set", "; ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"60s", "1m", "0s", "1m30s", "5m", "300s", " 45s "})
  void aClockSkewInLibertysDurationFormIsRead(String skew) {
    Map<String, String> settings = cognito();
    settings.put("AUTH_CLOCK_SKEW", skew);

    long expected =
        switch (skew.trim()) {
          case "60s", "1m" -> 60;
          case "0s" -> 0;
          case "1m30s" -> 90;
          case "5m", "300s" -> 300;
          default -> 45;
        };
    assertEquals(expected, from(settings).clockSkew().toSeconds(), skew);
  }

  @ParameterizedTest
  @ValueSource(strings = {"60", "1h", "500ms", "-5s", "5m1s", "301s", "sixty", "s", "m"})
  void aClockSkewOfAnotherFormOrBeyondFiveMinutesIsRefused(String skew) {
    Map<String, String> settings = cognito();
    settings.put("AUTH_CLOCK_SKEW", skew);

    assertMentions(refusal(settings), "AUTH_CLOCK_SKEW '" + skew + "'", "at most 5m");
  }

  @Test
  void aMissingClockSkewIsRefused() {
    Map<String, String> settings = cognito();
    settings.remove("AUTH_CLOCK_SKEW");

    assertMentions(refusal(settings), "AUTH_CLOCK_SKEW is not set");
  }
}
