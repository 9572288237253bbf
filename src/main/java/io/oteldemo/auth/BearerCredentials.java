package io.oteldemo.auth;

/**
 * The bearer token of an {@code Authorization} header (RFC 6750), or why there is none: missing,
 * another scheme, or the scheme without a token are answered with the bare challenge.
 */
public final class BearerCredentials {

  /** What a 401 says when MicroProfile JWT refused a token the gate had accepted. */
  static final String NOT_ACCEPTED = "The token is not accepted";

  private static final String BEARER = "bearer ";

  private BearerCredentials() {}

  /**
   * The token of the header.
   *
   * @throws AuthenticationException (bare challenge) without a bearer token
   */
  static String token(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw AuthenticationException.missingToken(
          "Authentication required: send 'Authorization: Bearer <token>'");
    }
    if (authorization.trim().equalsIgnoreCase(BEARER.trim())) {
      throw AuthenticationException.missingToken("The bearer token is missing after 'Bearer'");
    }
    // The scheme is case-insensitive; compared in place, not on a lower-cased copy of the token.
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw AuthenticationException.missingToken(
          "The Authorization header must use the Bearer scheme");
    }
    return authorization.substring(BEARER.length()).trim();
  }

  /**
   * The answer to a request the container did not authenticate: why its credentials are missing,
   * or, when a token was sent, that it is not accepted (the gate says why before Liberty sees a
   * token; Liberty only logs its own reasons).
   */
  public static AuthenticationException unauthenticated(String authorization) {
    try {
      token(authorization);
    } catch (AuthenticationException missing) {
      return missing;
    }
    return AuthenticationException.invalidToken(NOT_ACCEPTED);
  }
}
