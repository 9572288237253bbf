package io.oteldemo.auth;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Cognito's own claims ({@code token_use}, {@code client_id}, {@code username},
 * {@code cognito:groups}), read from the payload of the token MicroProfile JWT has verified.
 * Not through {@link JsonWebToken#getClaim(String)}: Liberty's implementation first tries
 * {@code Claims.valueOf(name)}, which throws, and catches, an exception with a full stack trace
 * for every non-standard claim name, seven times a request in our checks. Decoding the verified
 * payload once is the same data for a fraction of the cost.
 */
final class CognitoClaims {

  private final JsonObject payload;

  private CognitoClaims(JsonObject payload) {
    this.payload = payload;
  }

  /** The claims of a verified token; a token without its compact form is refused. */
  static CognitoClaims of(JsonWebToken token) {
    String raw = token.getRawToken();
    try {
      return new CognitoClaims(JwtParts.payload(raw == null ? "" : raw));
    } catch (RuntimeException e) {
      throw AuthenticationException.invalidToken("The token's claims cannot be read");
    }
  }

  /** A string claim; empty when missing or of another type. */
  Optional<String> text(String claim) {
    return payload.get(claim) instanceof JsonString string
        ? Optional.of(string.getString()) : Optional.empty();
  }

  /** A claim that is a list of strings, or a single string; empty when missing. */
  Set<String> texts(String claim) {
    JsonValue value = payload.get(claim);
    Set<String> texts = new LinkedHashSet<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonString string) {
          texts.add(string.getString());
        }
      }
    } else if (value instanceof JsonString string) {
      texts.add(string.getString());
    }
    return texts;
  }
}
