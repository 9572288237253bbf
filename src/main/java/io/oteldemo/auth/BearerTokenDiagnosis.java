package io.oteldemo.auth;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Says why MicroProfile JWT refused a request, which Liberty only writes to its log. The token is
 * read WITHOUT verification, only to pick the explanation; nothing of it is echoed back.
 */
public final class BearerTokenDiagnosis {

  /** The clock skew the server allows (server.xml mpJwt clockSkew). */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private static final String BEARER = "bearer ";

  private BearerTokenDiagnosis() {}

  public static AuthenticationException explain(String authorization, String expectedIssuer,
      Instant now) {
    if (authorization == null || authorization.isBlank()) {
      return AuthenticationException.missingToken(
          "Authentication required: send 'Authorization: Bearer <token>'");
    }
    if (authorization.trim().equalsIgnoreCase(BEARER.trim())) {
      return AuthenticationException.missingToken("The bearer token is missing after 'Bearer'");
    }
    if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return AuthenticationException.missingToken(
          "The Authorization header must use the Bearer scheme");
    }
    return AuthenticationException.invalidToken(
        reason(authorization.substring(BEARER.length()).trim(), expectedIssuer, now));
  }

  private static String reason(String token, String expectedIssuer, Instant now) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return "The token is not a signed JWT";
    }
    try {
      JsonObject header = JwtParts.decode(parts[0]);
      JsonObject claims = JwtParts.decode(parts[1]);
      String alg = header.getString("alg", "");
      if (!alg.equals("RS256")) {
        return "The token's algorithm is not accepted: RS256 only";
      }
      if (!(claims.get("exp") instanceof JsonNumber exp)) {
        return "The token has no expiry (exp)";
      }
      if (Instant.ofEpochSecond(exp.longValue()).plus(CLOCK_SKEW).isBefore(now)) {
        return "The token has expired";
      }
      if (claims.get("nbf") instanceof JsonNumber nbf
          && Instant.ofEpochSecond(nbf.longValue()).minus(CLOCK_SKEW).isAfter(now)) {
        return "The token is not valid yet (nbf)";
      }
      if (!expectedIssuer.equals(claims.getString("iss", ""))) {
        return "The token was issued by another issuer";
      }
      return "The token's signature or signing key is not recognised";
    } catch (RuntimeException e) {
      return "The token is malformed";
    }
  }
}
