package io.oteldemo.auth;

import io.oteldemo.auth.VerifiedTokens.Verified;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;

/**
 * Verifies a bearer token as Liberty's MicroProfile JWT will, so that every token Liberty would
 * refuse (and write to its logs whole) is refused here first, saying why without echoing any of it.
 * With jose4j, the library Liberty's consumer is built on, used as Liberty uses it: a first pass
 * that only parses (duplicate members, a nested or unencoded payload, JSON that is no object are
 * refused there), then a second that checks the RS256 signature with the issuer's key of the
 * token's {@code kid} (and its critical header parameters), the issuer, a required {@code exp}, the
 * registered claims' types and times within the clock skew; plus what Liberty checks itself ({@link
 * LibertyClaimRules}) and the claims the user is made of ({@link CognitoClaims#problem}). The token
 * is parsed once; its claims are handed on. A token accepted before is taken from {@link
 * VerifiedTokens}: not parsed or its signature checked again, only its times and its key.
 */
final class TokenVerifier {

  /** Three base64url parts without padding: the compact form of a JWS (RFC 7515). */
  private static final Pattern COMPACT = Pattern.compile("[\\w-]*\\.[\\w-]*\\.[\\w-]*");

  private static final int CLAIMS = 1004;

  /** Liberty's first pass: parse, validate nothing. Immutable, so shared. */
  private static final JwtConsumer PARSER =
      new JwtConsumerBuilder()
          .setSkipAllValidators()
          .setDisableRequireSignature()
          .setSkipSignatureVerification()
          .build();

  /** Enough for the users one replica serves in a token's lifetime; about 2 KB each. */
  static final int KEPT_TOKENS = 512;

  private final String issuer;
  private final Duration clockSkew;
  private final Function<String, SigningKeys> keys;
  private final VerifiedTokens verified = new VerifiedTokens(KEPT_TOKENS);

  /**
   * @param keys the issuer's keys that should hold a key id (they may be fetched again for an
   *     unknown one); throws when none can be had
   */
  TokenVerifier(String issuer, Duration clockSkew, Function<String, SigningKeys> keys) {
    this.issuer = issuer;
    this.clockSkew = clockSkew;
    this.keys = keys;
  }

  /**
   * The token's claims, when Liberty will accept it at {@code now}.
   *
   * @throws AuthenticationException saying why it is refused
   */
  CognitoClaims verify(String token, Instant now) {
    Optional<Verified> known = verified.get(token);
    if (known.isPresent() && signingKey(known.get().keyId()).equals(known.get().key())) {
      // Signature, issuer and claims were checked; only the times change.
      checkTimes(known.get().context(), now, token);
      return known.get().claims();
    }
    JwtContext context = parse(token);
    JsonWebStructure jws = context.getJoseObjects().get(0);
    if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(jws.getAlgorithmHeaderValue())) {
      throw refused(Refusal.ALGORITHM.message);
    }
    PublicKey key = signingKey(jws.getKeyIdHeaderValue());
    check(rules(key, now), context, token);
    CognitoClaims claims = CognitoClaims.verified(context.getJwtClaims());
    verified.put(token, new Verified(context, jws.getKeyIdHeaderValue(), key, claims));
    return claims;
  }

  /** How many accepted tokens are kept (for tests). */
  int kept() {
    return verified.size();
  }

  private void check(JwtConsumer rules, JwtContext context, String token) {
    try {
      rules.processContext(context);
    } catch (InvalidJwtException e) {
      verified.forget(token);
      throw refused(reason(e.getErrorDetails()));
    }
  }

  /**
   * The time rules alone, for a kept token: the rest of {@link #rules} passed and cannot change,
   * and of the time rules only the expiry can start failing as the clock moves on.
   */
  private void checkTimes(JwtContext context, Instant now, String token) {
    ErrorCodeValidator.Error error;
    try {
      error = new LibertyClaimRules(now, clockSkew).validate(context);
    } catch (MalformedClaimException e) {
      error = new ErrorCodeValidator.Error(ErrorCodes.MALFORMED_CLAIM, "malformed claim");
    }
    if (error != null) {
      verified.forget(token);
      throw refused(reason(List.of(error)));
    }
  }

  private static JwtContext parse(String token) {
    if (token.chars().filter(c -> c == '.').count() != 2) {
      throw refused("The token is not a signed JWT");
    }
    if (!COMPACT.matcher(token).matches()) {
      throw refused(Refusal.MALFORMED.message);
    }
    try {
      return PARSER.process(token);
    } catch (InvalidJwtException e) {
      throw refused(Refusal.MALFORMED.message);
    }
  }

  private PublicKey signingKey(String keyId) {
    SigningKeys signingKeys;
    try {
      signingKeys = keys.apply(keyId);
    } catch (RuntimeException unavailable) {
      // No key set could be fetched (or read): nothing can be verified.
      throw refused("The token's signature or signing key is not recognised");
    }
    return signingKeys
        .key(keyId)
        .orElseThrow(() -> refused("The token's signing key is not recognised"));
  }

  /** Liberty's second pass, with the checks Liberty adds and the claims we read. */
  private JwtConsumer rules(PublicKey key, Instant now) {
    return new JwtConsumerBuilder()
        .setVerificationKey(key)
        .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .setExpectedIssuer(issuer)
        .setSkipDefaultAudienceValidation()
        .setRequireExpirationTime()
        .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
        .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
        .registerValidator(new LibertyClaimRules(now, clockSkew))
        .registerValidator(
            (ErrorCodeValidator)
                context ->
                    CognitoClaims.problem(context.getJwtClaims())
                        .map(problem -> new ErrorCodeValidator.Error(CLAIMS, problem))
                        .orElse(null))
        .build();
  }

  /** The first reason, in the order a client should hear them; never jose4j's text. */
  private static String reason(List<ErrorCodeValidator.Error> errors) {
    return errors.stream()
        .map(error -> Refusal.of(error.getErrorCode()).describe(error))
        .min(Comparator.comparing(Reason::refusal))
        .map(Reason::message)
        .orElse(Refusal.OTHER.message);
  }

  private static AuthenticationException refused(String reason) {
    return AuthenticationException.invalidToken(reason);
  }

  private record Reason(Refusal refusal, String message) {}

  /** Why a token is refused, by jose4j's error codes and ours, first reason first. */
  private enum Refusal {
    SIGNATURE("The token's signature is not valid", ErrorCodes.SIGNATURE_INVALID),
    NO_EXPIRY("The token has no expiry (exp)", ErrorCodes.EXPIRATION_MISSING),
    EXPIRED("The token has expired", ErrorCodes.EXPIRED),
    NOT_YET_VALID("The token is not valid yet (nbf)", ErrorCodes.NOT_YET_VALID),
    ISSUED_IN_THE_FUTURE(
        "The token was issued in the future (iat)", LibertyClaimRules.ISSUED_IN_THE_FUTURE),
    EXPIRES_BEFORE_ISSUED(
        "The token does not expire after it was issued (exp not after iat)",
        LibertyClaimRules.EXPIRES_BEFORE_ISSUED),
    OTHER_ISSUER(
        "The token was issued by another issuer",
        ErrorCodes.ISSUER_MISSING,
        ErrorCodes.ISSUER_INVALID),
    CLAIM_TYPE(
        "A registered claim of the token (exp, nbf, iat, iss, sub, jti) has the wrong type",
        ErrorCodes.MALFORMED_CLAIM),
    AUDIENCE_TYPE(
        "The token's audience (aud) must be a string or a list of strings",
        LibertyClaimRules.AUDIENCE_TYPE),
    /** Ours, with its own message: the subject and Cognito's claims. */
    USER_CLAIMS(null, CLAIMS),
    /** jose4j's other refusals, e.g. a header parameter marked critical (crit) it does not know. */
    NOT_UNDERSTOOD(
        "The token has a header parameter or a claim value this server does not accept",
        ErrorCodes.MISCELLANEOUS),
    ALGORITHM("The token's algorithm is not accepted: RS256 only"),
    MALFORMED("The token is malformed"),
    OTHER(BearerCredentials.NOT_ACCEPTED);

    private final String message;
    private final Set<Integer> codes;

    Refusal(String message, Integer... codes) {
      this.message = message;
      this.codes = Set.of(codes);
    }

    static Refusal of(int code) {
      return Arrays.stream(values())
          .filter(refusal -> refusal.codes.contains(code))
          .findFirst()
          .orElse(OTHER);
    }

    Reason describe(ErrorCodeValidator.Error error) {
      return new Reason(this, Optional.ofNullable(message).orElse(error.getErrorMessage()));
    }
  }
}
