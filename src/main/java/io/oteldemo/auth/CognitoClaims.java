package io.oteldemo.auth;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Cognito's own claims ({@code token_use}, {@code client_id}, {@code username}, {@code
 * cognito:groups}), read from the payload of the token MicroProfile JWT has verified. Not through
 * {@link JsonWebToken#getClaim(String)}: Liberty's implementation first tries {@code
 * Claims.valueOf(name)}, which throws, and catches, an exception with a full stack trace for every
 * non-standard claim name, seven times a request in our checks. Decoding the verified payload once
 * is the same data for a fraction of the cost.
 */
final class CognitoClaims {

  static final String GROUPS = "cognito:groups";
  private static final List<String> STRING_CLAIMS =
      List.of("client_id", "token_use", "username", "cognito:username");

  private final JsonObject payload;

  private CognitoClaims(JsonObject payload) {
    this.payload = payload;
  }

  /** The claims of a verified token; a token without its compact form is refused. */
  static CognitoClaims of(JsonWebToken token) {
    String raw = token.getRawToken();
    JsonObject payload;
    try {
      payload = JwtParts.payload(raw == null ? "" : raw);
    } catch (RuntimeException e) {
      throw AuthenticationException.invalidToken("The token's claims cannot be read");
    }
    typeProblem(payload)
        .ifPresent(
            problem -> {
              throw AuthenticationException.invalidToken(problem);
            });
    return new CognitoClaims(payload);
  }

  /**
   * Why a claim we read has the wrong type: {@code client_id}, {@code token_use}, {@code username}
   * and {@code cognito:username} are strings, {@code cognito:groups} a list of strings (as Cognito
   * issues them). A token that bends these would be read one way here and another way elsewhere, so
   * it is refused rather than coerced.
   */
  static Optional<String> typeProblem(JsonObject payload) {
    for (String claim : STRING_CLAIMS) {
      JsonValue value = payload.get(claim);
      if (value != null && !(value instanceof JsonString)) {
        return Optional.of("The token's " + claim + " claim must be a string");
      }
    }
    JsonValue groups = payload.get(GROUPS);
    if (groups != null
        && !(groups instanceof JsonArray array
            && array.stream().allMatch(JsonString.class::isInstance))) {
      return Optional.of("The token's " + GROUPS + " claim must be a list of strings");
    }
    return Optional.empty();
  }

  /** A string claim; empty when missing. */
  Optional<String> text(String claim) {
    return payload.get(claim) instanceof JsonString string
        ? Optional.of(string.getString())
        : Optional.empty();
  }

  /** A claim that is a list of strings; empty when missing. */
  Set<String> texts(String claim) {
    Set<String> texts = new LinkedHashSet<>();
    if (payload.get(claim) instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonString string) {
          texts.add(string.getString());
        }
      }
    }
    return texts;
  }
}
