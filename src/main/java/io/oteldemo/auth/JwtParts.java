package io.oteldemo.auth;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.util.Base64;

/** The JSON inside a compact JWT's base64url parts. */
final class JwtParts {

  /** Looked up once: Json.createReader and its kin look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JwtParts() {}

  /** One base64url part (header or payload) as a JSON object. */
  static JsonObject decode(String part) {
    try (JsonReader reader =
        JSON.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(part)))) {
      return reader.readObject();
    }
  }

  /** The payload of a compact JWT ({@code header.payload.signature}). */
  static JsonObject payload(String compactToken) {
    int first = compactToken.indexOf('.');
    int second = compactToken.indexOf('.', first + 1);
    if (first < 0 || second < 0) {
      throw new IllegalArgumentException("Not a compact JWT");
    }
    return decode(compactToken.substring(first + 1, second));
  }
}
