package io.oteldemo.auth;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Says why a bearer token is refused, from the token itself, without echoing any of it. Used twice:
 * by {@link BearerTokenGate} before Liberty's MicroProfile JWT sees a token (with the signature
 * checked against the issuer's keys, so that Liberty, which logs refused tokens whole, only ever
 * sees tokens that pass), and after Liberty refused one anyway, to explain it.
 */
public final class BearerTokenDiagnosis {

  /** The clock skew the server allows (server.xml mpJwt clockSkew). */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  static final String UNRECOGNISED = "The token's signature or signing key is not recognised";

  private static final String BEARER = "bearer ";

  /** The alphabet of a compact JWS's parts: base64url, without padding. */
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]*");

  private BearerTokenDiagnosis() {}

  /** Why Liberty refused the request's credentials (it only logs its own reason). */
  public static AuthenticationException explain(
      String authorization, String expectedIssuer, Instant now) {
    return credentialsProblem(authorization)
        .orElseGet(
            () ->
                AuthenticationException.invalidToken(
                    problem(token(authorization), expectedIssuer, now).orElse(UNRECOGNISED)));
  }

  /**
   * Why the credentials must be refused before MicroProfile JWT sees them: missing, another scheme,
   * malformed, a wrong algorithm or claim, or a signature none of the keys made. Empty when the
   * token may be handed on. {@code keys} gives the issuer's keys for a key id.
   */
  static Optional<AuthenticationException> refusal(
      String authorization,
      String expectedIssuer,
      Function<String, SigningKeys> keys,
      Instant now) {
    Optional<AuthenticationException> credentials = credentialsProblem(authorization);
    if (credentials.isPresent()) {
      return credentials;
    }
    String token = token(authorization);
    return problem(token, expectedIssuer, now)
        .or(() -> signatureProblem(token, keys))
        .map(AuthenticationException::invalidToken);
  }

  private static Optional<AuthenticationException> credentialsProblem(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.of(
          AuthenticationException.missingToken(
              "Authentication required: send 'Authorization: Bearer <token>'"));
    }
    if (authorization.trim().equalsIgnoreCase(BEARER.trim())) {
      return Optional.of(
          AuthenticationException.missingToken("The bearer token is missing after 'Bearer'"));
    }
    if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.of(
          AuthenticationException.missingToken(
              "The Authorization header must use the Bearer scheme"));
    }
    return Optional.empty();
  }

  private static String token(String authorization) {
    return authorization.substring(BEARER.length()).trim();
  }

  /** Everything but the signature: form, algorithm, the claims Liberty and we rely on. */
  private static Optional<String> problem(String token, String expectedIssuer, Instant now) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.of("The token is not a signed JWT");
    }
    try {
      for (String part : parts) {
        if (!PART.matcher(part).matches()) {
          return Optional.of("The token is malformed");
        }
      }
      JsonObject header = JwtParts.decode(parts[0]);
      JsonObject claims = JwtParts.decode(parts[1]);
      String alg = header.getString("alg", "");
      if (!alg.equals("RS256")) {
        return Optional.of("The token's algorithm is not accepted: RS256 only");
      }
      return timeProblem(claims, now)
          .or(
              () ->
                  expectedIssuer.equals(claims.getString("iss", ""))
                      ? Optional.empty()
                      : Optional.of("The token was issued by another issuer"))
          .or(() -> claimProblem(claims));
    } catch (RuntimeException e) {
      return Optional.of("The token is malformed");
    }
  }

  private static Optional<String> timeProblem(JsonObject claims, Instant now) {
    if (!(claims.get("exp") instanceof JsonNumber exp)) {
      return Optional.of("The token has no expiry (exp)");
    }
    Instant expiry = Instant.ofEpochSecond(exp.longValue());
    if (expiry.plus(CLOCK_SKEW).isBefore(now)) {
      return Optional.of("The token has expired");
    }
    if (claims.get("nbf") instanceof JsonNumber nbf
        && Instant.ofEpochSecond(nbf.longValue()).minus(CLOCK_SKEW).isAfter(now)) {
      return Optional.of("The token is not valid yet (nbf)");
    }
    JsonValue iat = claims.get("iat");
    if (iat != null && !(iat instanceof JsonNumber)) {
      return Optional.of("The token's issue time (iat) must be a number");
    }
    if (iat instanceof JsonNumber issued) {
      Instant issuedAt = Instant.ofEpochSecond(issued.longValue());
      if (issuedAt.minus(CLOCK_SKEW).isAfter(now)) {
        return Optional.of("The token was issued in the future (iat)");
      }
      if (expiry.isBefore(issuedAt)) {
        return Optional.of("The token expires before it was issued (exp before iat)");
      }
    }
    return Optional.empty();
  }

  /** The claims the user is made of must be there and of their type (see CognitoClaims). */
  private static Optional<String> claimProblem(JsonObject claims) {
    if (!(claims.get("sub") instanceof JsonString sub) || sub.getString().isBlank()) {
      return Optional.of("The token has no subject (sub)");
    }
    return CognitoClaims.typeProblem(claims);
  }

  /** {@code keys} gives the key set that should hold the token's key id. */
  private static Optional<String> signatureProblem(
      String token, Function<String, SigningKeys> keys) {
    String[] parts = token.split("\\.", -1);
    String keyId =
        JwtParts.decode(parts[0]).get("kid") instanceof JsonString kid ? kid.getString() : "";
    SigningKeys signingKeys;
    try {
      signingKeys = keys.apply(keyId);
    } catch (RuntimeException unavailable) {
      // No key set could be fetched (or read): nothing can be verified.
      return Optional.of(UNRECOGNISED);
    }
    if (!signingKeys.knows(keyId)) {
      return Optional.of("The token's signing key is not recognised");
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return Optional.of("The token is malformed");
    }
    return signingKeys.verifies(keyId, parts[0] + "." + parts[1], signature)
        ? Optional.empty()
        : Optional.of("The token's signature is not valid");
  }
}
