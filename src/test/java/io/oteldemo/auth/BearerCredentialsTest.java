package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerCredentialsTest {

  private static AuthenticationException missing(String authorization) {
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> BearerCredentials.token(authorization),
            "'" + authorization + "' carries no bearer token");
    assertEquals(ErrorCode.UNAUTHORIZED, e.code());
    assertEquals(
        "Bearer realm=\"otel-demo\"",
        e.headers().get("WWW-Authenticate"),
        "without credentials the challenge has no error attribute (RFC 6750)");
    return e;
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void noCredentialsGetTheBareChallenge(String authorization) {
    assertTrue(missing(authorization).getMessage().contains("Authorization: Bearer"));
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
    String message = missing(authorization).getMessage();

    assertTrue(message.contains("Bearer"), message);
    assertFalse(
        message.contains("dXNlcjpwYXNz") || message.contains("abc.def"),
        "the credentials should not be echoed back");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "Bearer ", "bearer   "})
  void theSchemeWithoutATokenIsAnsweredWithTheBareChallenge(String header) {
    assertTrue(missing(header).getMessage().contains("missing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "BeArEr "})
  void theSchemeIsCaseInsensitiveAndSpacesAroundTheTokenAreIgnored(String scheme) {
    assertEquals("a.b.c", BearerCredentials.token(scheme + "  a.b.c  "));
  }

  @Test
  void aTokenTheContainerDidNotAuthenticateIsNotAccepted() {
    AuthenticationException e = BearerCredentials.unauthenticated("Bearer a.b.c");

    assertEquals(BearerCredentials.NOT_ACCEPTED, e.getMessage());
    assertTrue(e.headers().get("WWW-Authenticate").contains("error=\"invalid_token\""));
  }

  @Test
  void aRequestWithoutCredentialsTheContainerDidNotAuthenticateIsToldToSendSome() {
    assertEquals(
        "Bearer realm=\"otel-demo\"",
        BearerCredentials.unauthenticated(null).headers().get("WWW-Authenticate"));
  }
}
