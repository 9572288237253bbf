package io.oteldemo.auth;

import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * What Liberty's MicroProfile JWT checks itself, besides what its jose4j consumer checks: a token
 * is refused when its {@code nbf} is at or beyond now plus the clock skew, its {@code iat} beyond
 * now plus the skew or not before its {@code exp}, or its {@code aud} neither a string nor a list
 * of strings. And an expiry with one second in hand: Liberty refuses a token once now minus the
 * skew reaches its {@code exp}, and it reads its clock a moment after the gate, so the gate refuses
 * it a second earlier rather than hand on a token that expires on the way (and would be logged).
 */
final class LibertyClaimRules implements ErrorCodeValidator {

  static final int ISSUED_IN_THE_FUTURE = 1001;
  static final int EXPIRES_BEFORE_ISSUED = 1002;
  static final int AUDIENCE_TYPE = 1003;

  /** How long a token the gate hands on stays valid for Liberty at least. */
  static final Duration IN_HAND = Duration.ofSeconds(1);

  private final long now;
  private final long skew;

  LibertyClaimRules(Instant now, Duration clockSkew) {
    this.now = now.getEpochSecond();
    this.skew = clockSkew.toSeconds();
  }

  @Override
  public Error validate(JwtContext context) throws MalformedClaimException {
    JwtClaims claims = context.getJwtClaims();
    NumericDate exp = claims.getExpirationTime();
    NumericDate nbf = claims.getNotBefore();
    NumericDate iat = claims.getIssuedAt();
    if (exp != null && exp.getValue() <= now - skew + IN_HAND.toSeconds()) {
      return new Error(ErrorCodes.EXPIRED, "expired");
    }
    if (nbf != null && nbf.getValue() >= now + skew) {
      return new Error(ErrorCodes.NOT_YET_VALID, "not valid yet");
    }
    if (iat != null && exp != null && iat.getValue() > now + skew) {
      return new Error(ISSUED_IN_THE_FUTURE, "issued in the future");
    }
    if (iat != null && exp != null && iat.getValue() >= exp.getValue()) {
      return new Error(EXPIRES_BEFORE_ISSUED, "exp not after iat");
    }
    try {
      claims.getAudience();
    } catch (MalformedClaimException e) {
      return new Error(AUDIENCE_TYPE, "aud of the wrong type");
    }
    return null;
  }
}
