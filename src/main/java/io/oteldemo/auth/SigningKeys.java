package io.oteldemo.auth;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The issuer's RS256 signing keys by key id, read from its JWKS by jose4j, so that a token's
 * signature can be checked before Liberty's MicroProfile JWT sees the token (see {@link
 * TokenVerifier}). Keys of another type or use, keys for another algorithm and keys without an id
 * are left out.
 */
final class SigningKeys {

  private final Map<String, PublicKey> byKeyId;

  private SigningKeys(Map<String, PublicKey> byKeyId) {
    this.byKeyId = byKeyId;
  }

  /**
   * @throws IllegalArgumentException when the text is not a JWKS
   */
  static SigningKeys parse(String jwks) {
    Map<String, PublicKey> keys = new HashMap<>();
    try {
      for (JsonWebKey key : new JsonWebKeySet(jwks).getJsonWebKeys()) {
        if (key instanceof RsaJsonWebKey rsa && isRs256SigningKey(rsa)) {
          keys.put(rsa.getKeyId(), rsa.getPublicKey());
        }
      }
    } catch (JoseException e) {
      throw new IllegalArgumentException("The token issuer's key set cannot be read", e);
    }
    return new SigningKeys(Map.copyOf(keys));
  }

  private static boolean isRs256SigningKey(RsaJsonWebKey key) {
    return key.getKeyId() != null
        && (key.getUse() == null || "sig".equals(key.getUse()))
        && (key.getAlgorithm() == null || "RS256".equals(key.getAlgorithm()));
  }

  /** The key of this id; empty when the issuer has none. */
  Optional<PublicKey> key(String keyId) {
    return Optional.ofNullable(keyId == null ? null : byKeyId.get(keyId));
  }

  boolean knows(String keyId) {
    return key(keyId).isPresent();
  }
}
