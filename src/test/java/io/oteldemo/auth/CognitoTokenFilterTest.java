package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.auth.AuthConfiguration.TokenUse;
import io.oteldemo.auth.CurrentUser.AuthenticatedUser;
import io.oteldemo.devissuer.DevIssuer;
import io.oteldemo.error.ErrorCode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CognitoTokenFilterTest {

  private static final String SUB = "0f6a1c2e-1111-2222-3333-444455556666";
  private static final Set<String> CLIENTS = Set.of("webclient", "cliclient");

  private static AuthConfiguration configuration(Set<TokenUse> uses, Optional<String> group) {
    return new AuthConfiguration(
        "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123",
        "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/.well-known/jwks.json",
        CLIENTS,
        uses,
        group,
        Duration.ofSeconds(60));
  }

  private static AuthConfiguration both() {
    return configuration(Set.of(TokenUse.ACCESS, TokenUse.ID), Optional.empty());
  }

  private static AuthConfiguration requiring(String group) {
    return configuration(Set.of(TokenUse.ACCESS, TokenUse.ID), Optional.of(group));
  }

  /** Claims of a Cognito access token of the web client. */
  private static Map<String, Object> access() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", SUB);
    claims.put("token_use", "access");
    claims.put("client_id", "webclient");
    claims.put("username", "alice");
    claims.put("scope", "aws.cognito.signin.user.admin");
    return claims;
  }

  /** Claims of a Cognito ID token of the CLI client. */
  private static Map<String, Object> id() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", SUB);
    claims.put("token_use", "id");
    claims.put("aud", List.of("cliclient"));
    claims.put("cognito:username", "bob");
    claims.put("email", "bob@example.com");
    return claims;
  }

  /** The filter's check of claims the verifier accepted (parsed by jose4j, as the gate does). */
  private static AuthenticatedUser check(
      Map<String, Object> claims, AuthConfiguration configuration) {
    try {
      return CognitoTokenFilter.check(
          CognitoClaims.verified(JwtClaims.parse(DevIssuer.json(claims))), configuration);
    } catch (InvalidJwtException e) {
      throw new AssertionError(e);
    }
  }

  private static AuthenticationException refused(
      Map<String, Object> claims, AuthConfiguration configuration) {
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> check(claims, configuration),
            "a token with claims " + claims + " should be refused");
    assertEquals(ErrorCode.UNAUTHORIZED, e.code(), "a refused token should be answered 401");
    String challenge = e.headers().get("WWW-Authenticate");
    assertTrue(
        challenge != null && challenge.contains("error=\"invalid_token\""),
        "a refused token should be answered error=\"invalid_token\", was: " + challenge);
    return e;
  }

  private static AccessDeniedException denied(
      Map<String, Object> claims, AuthConfiguration configuration) {
    AccessDeniedException e =
        assertThrows(
            AccessDeniedException.class,
            () -> check(claims, configuration),
            "a user outside the required group should be denied");
    assertEquals(ErrorCode.FORBIDDEN, e.code(), "a denied user should be answered 403");
    String challenge = e.headers().get("WWW-Authenticate");
    assertTrue(
        challenge != null && challenge.contains("error=\"insufficient_scope\""),
        "a denied user should be answered error=\"insufficient_scope\", was: " + challenge);
    return e;
  }

  @Test
  void anAccessTokenOfAnAllowedClientIsAccepted() {
    Map<String, Object> claims = access();
    claims.put("cognito:groups", List.of("distance-users", "admins"));

    assertEquals(
        new AuthenticatedUser(SUB, "alice", Set.of("distance-users", "admins"), TokenUse.ACCESS),
        check(claims, both()),
        "the user should be the token's sub, username and groups, from an access token");
  }

  @Test
  void aUserWithoutGroupsHasNone() {
    assertEquals(
        Set.of(),
        check(access(), both()).groups(),
        "a token without cognito:groups should give a user without groups");
  }

  @Test
  void anIdTokenForAnAllowedClientIsAccepted() {
    Map<String, Object> claims = id();
    claims.put("username", "not-the-id-token-username");

    assertEquals(
        new AuthenticatedUser(SUB, "bob", Set.of(), TokenUse.ID),
        check(claims, both()),
        "the user of an ID token should be named by cognito:username");
  }

  @Test
  void anIdTokenWithSeveralAudiencesIncludingAnAllowedClientIsAccepted() {
    Map<String, Object> claims = id();
    claims.put("aud", List.of("someoneelse", "webclient"));

    assertEquals(
        TokenUse.ID,
        check(claims, both()).tokenUse(),
        "an ID token whose aud includes an allowed client should be accepted");
  }

  @Test
  void anAccessTokenOfAnotherClientIsRefused() {
    Map<String, Object> claims = access();
    claims.put("client_id", "otherclient");

    assertTrue(
        refused(claims, both()).getMessage().contains("another client"),
        "the refusal should say the token belongs to another client");
  }

  @Test
  void anAccessTokenIsCheckedByClientIdNotByAudience() {
    Map<String, Object> claims = access();
    claims.put("client_id", "otherclient");
    claims.put("aud", List.of("webclient"));

    refused(claims, both());
  }

  @Test
  void anAccessTokenWithoutClientIdIsRefused() {
    Map<String, Object> claims = access();
    claims.remove("client_id");

    refused(claims, both());
  }

  @Test
  void anIdTokenForAnotherAudienceIsRefused() {
    Map<String, Object> claims = id();
    claims.put("aud", List.of("otherclient"));

    assertTrue(
        refused(claims, both()).getMessage().contains("another client"),
        "the refusal should say the token belongs to another client");
  }

  @Test
  void anIdTokenIsCheckedByAudienceNotByClientId() {
    Map<String, Object> claims = id();
    claims.put("aud", List.of("otherclient"));
    claims.put("client_id", "webclient");

    refused(claims, both());
  }

  @Test
  void anIdTokenWithoutAudienceIsRefused() {
    Map<String, Object> claims = id();
    claims.remove("aud");

    refused(claims, both());
  }

  @Test
  void aTokenWithoutTokenUseIsRefused() {
    Map<String, Object> claims = access();
    claims.remove("token_use");

    assertTrue(
        refused(claims, both()).getMessage().contains("token_use"),
        "the refusal should name token_use");
  }

  @ParameterizedTest
  @ValueSource(strings = {"refresh", "ACCESS", "Id", "", " access"})
  void anUnknownTokenUseIsRefused(String tokenUse) {
    Map<String, Object> claims = access();
    claims.put("token_use", tokenUse);

    refused(claims, both());
  }

  @Test
  void anIdTokenIsRefusedWhenOnlyAccessTokensAreAccepted() {
    AuthenticationException e =
        refused(id(), configuration(Set.of(TokenUse.ACCESS), Optional.empty()));

    assertTrue(
        e.getMessage().contains("[access]"),
        "the refusal should name the accepted kinds, was: " + e.getMessage());
  }

  @Test
  void anAccessTokenIsRefusedWhenOnlyIdTokensAreAccepted() {
    refused(access(), configuration(Set.of(TokenUse.ID), Optional.empty()));
  }

  @Test
  void aUserInTheRequiredGroupIsAccepted() {
    Map<String, Object> claims = access();
    claims.put("cognito:groups", List.of("admins", "distance-users"));

    assertEquals(
        SUB,
        check(claims, requiring("distance-users")).subject(),
        "a user in the required group should be accepted");
  }

  @Test
  void anIdTokenUserInTheRequiredGroupIsAccepted() {
    Map<String, Object> claims = id();
    claims.put("cognito:groups", List.of("distance-users"));

    assertEquals(
        "bob",
        check(claims, requiring("distance-users")).username(),
        "an ID token user in the required group should be accepted");
  }

  @Test
  void aUserOutsideTheRequiredGroupIsDenied() {
    Map<String, Object> claims = access();
    claims.put("cognito:groups", List.of("admins"));

    denied(claims, requiring("distance-users"));
  }

  @Test
  void groupsAreCaseSensitive() {
    Map<String, Object> claims = access();
    claims.put("cognito:groups", List.of("Distance-Users"));

    denied(claims, requiring("distance-users"));
  }

  @Test
  void aUserWithoutGroupsIsDeniedWhenAGroupIsRequired() {
    denied(access(), requiring("distance-users"));
  }

  @Test
  void aTokenOfAnotherClientIsRefusedRatherThanDenied() {
    Map<String, Object> claims = access();
    claims.put("client_id", "otherclient");

    refused(claims, requiring("distance-users"));
  }

  @Test
  void anAccessTokenWithoutUsernameIsNamedBySub() {
    Map<String, Object> claims = access();
    claims.remove("username");

    assertEquals(
        SUB,
        check(claims, both()).username(),
        "without a username claim the user should be named by sub");
  }

  @Test
  void anIdTokenWithoutCognitoUsernameIsNamedBySub() {
    Map<String, Object> claims = id();
    claims.remove("cognito:username");

    assertEquals(
        SUB,
        check(claims, both()).username(),
        "without cognito:username the user should be named by sub");
  }
}
