package io.oteldemo.auth;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The issuer's RS256 signing keys by key id, read from its JWKS, so that a token's signature can be
 * checked before Liberty's MicroProfile JWT sees the token (see {@link BearerTokenGate}). Keys of
 * another type or use, and keys that cannot be read, are left out.
 */
final class SigningKeys {

  private static final JsonProvider JSON = JsonProvider.provider();

  private final Map<String, PublicKey> byKeyId;

  private SigningKeys(Map<String, PublicKey> byKeyId) {
    this.byKeyId = byKeyId;
  }

  static SigningKeys parse(String jwks) {
    Map<String, PublicKey> keys = new HashMap<>();
    try (JsonReader reader = JSON.createReader(new StringReader(jwks))) {
      for (JsonValue value : reader.readObject().getJsonArray("keys")) {
        if (value instanceof JsonObject key && isRs256SigningKey(key)) {
          try {
            keys.put(key.getString("kid"), rsaKey(key));
          } catch (GeneralSecurityException | RuntimeException unreadable) {
            // A key that cannot be read signs nothing we accept.
          }
        }
      }
    }
    return new SigningKeys(Map.copyOf(keys));
  }

  private static boolean isRs256SigningKey(JsonObject key) {
    return "RSA".equals(key.getString("kty", ""))
        && key.get("kid") instanceof JsonString
        && "sig".equals(key.getString("use", "sig"))
        && "RS256".equals(key.getString("alg", "RS256"));
  }

  private static PublicKey rsaKey(JsonObject key) throws GeneralSecurityException {
    BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("n")));
    BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("e")));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }

  boolean knows(String keyId) {
    return byKeyId.containsKey(keyId);
  }

  /** Whether {@code signature} is the RS256 signature of {@code signingInput} by that key. */
  boolean verifies(String keyId, String signingInput, byte[] signature) {
    PublicKey key = byKeyId.get(keyId);
    if (key == null) {
      return false;
    }
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rs256.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
