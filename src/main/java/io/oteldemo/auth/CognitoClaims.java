package io.oteldemo.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * The claims of a verified token that the user is made of: {@code sub}, Cognito's own ({@code
 * token_use}, {@code client_id}, {@code username}, {@code cognito:username}, {@code
 * cognito:groups}) and {@code aud}, read from the claims jose4j parsed when {@link TokenVerifier}
 * checked the token, once per request. Only a token whose claims pass {@link #problem(JwtClaims)}
 * is wrapped.
 */
final class CognitoClaims {

  static final String GROUPS = "cognito:groups";
  private static final List<String> STRING_CLAIMS =
      List.of("client_id", "token_use", "username", "cognito:username");

  private final JwtClaims claims;

  private CognitoClaims(JwtClaims claims) {
    this.claims = claims;
  }

  /** The claims of a verified token, which {@link #problem(JwtClaims)} found nothing wrong with. */
  static CognitoClaims verified(JwtClaims claims) {
    return new CognitoClaims(claims);
  }

  /**
   * Why the claims cannot make a user: no subject, a subject with a control character (it becomes
   * Liberty's user id, and it is written to our logs), or a claim of ours of the wrong type: {@code
   * client_id}, {@code token_use}, {@code username} and {@code cognito:username} are strings,
   * {@code cognito:groups} a list of strings (as Cognito issues them). A token that bends these
   * would be read one way here and another way elsewhere, so it is refused rather than coerced.
   */
  static Optional<String> problem(JwtClaims claims) {
    if (!(claims.getClaimValue("sub") instanceof String sub) || sub.isBlank()) {
      return Optional.of("The token has no subject (sub)");
    }
    if (sub.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("The token's subject (sub) has a control character");
    }
    for (String claim : STRING_CLAIMS) {
      Object value = claims.getClaimValue(claim);
      if (value != null && !(value instanceof String)) {
        return Optional.of("The token's " + claim + " claim must be a string");
      }
    }
    Object groups = claims.getClaimValue(GROUPS);
    if (groups != null
        && !(groups instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
      return Optional.of("The token's " + GROUPS + " claim must be a list of strings");
    }
    return Optional.empty();
  }

  String subject() {
    return (String) claims.getClaimValue("sub");
  }

  /** A string claim; empty when missing. */
  Optional<String> text(String claim) {
    return claims.getClaimValue(claim) instanceof String text
        ? Optional.of(text)
        : Optional.empty();
  }

  /** The groups; none when the claim is missing. */
  Set<String> groups() {
    Set<String> groups = new LinkedHashSet<>();
    if (claims.getClaimValue(GROUPS) instanceof List<?> list) {
      list.forEach(group -> groups.add((String) group));
    }
    return groups;
  }

  /** The audience ({@code aud}: one string or a list, checked by the verifier); none if missing. */
  Set<String> audience() {
    try {
      return claims.hasAudience() ? Set.copyOf(claims.getAudience()) : Set.of();
    } catch (MalformedClaimException e) {
      return Set.of();
    }
  }
}
