package io.oteldemo.auth;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads Cognito's claims, whatever JSON or Java type the runtime hands them out as. */
final class CognitoClaims {

  private CognitoClaims() {}

  static Optional<String> text(JsonWebToken token, String claim) {
    Object value = token.getClaim(claim);
    if (value instanceof JsonString string) {
      return Optional.of(string.getString());
    }
    return value instanceof String string ? Optional.of(string) : Optional.empty();
  }

  static Set<String> texts(JsonWebToken token, String claim) {
    Object value = token.getClaim(claim);
    Set<String> texts = new LinkedHashSet<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonString string) {
          texts.add(string.getString());
        }
      }
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> texts.add(item instanceof JsonString string ? string.getString()
          : String.valueOf(item)));
    } else {
      text(token, claim).ifPresent(texts::add);
    }
    return texts;
  }
}
