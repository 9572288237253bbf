package io.oteldemo.auth;

import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * The tokens {@link TokenVerifier} accepted lately, by their whole text, so that a token sent again
 * (a browser sends the same one for an hour) is not parsed and its signature not checked on every
 * request; Liberty's JWT consumer keeps such a cache of its own. What depends on the time is
 * checked again on every use, and an entry counts only while its key is still the issuer's key of
 * its key id. Refused tokens are never kept. Bounded: when full, it forgets everything and fills
 * again.
 */
final class VerifiedTokens {

  /**
   * A verified token: its parsed form, its key id and the key its signature was checked with, its
   * claims.
   */
  record Verified(JwtContext context, String keyId, PublicKey key, CognitoClaims claims) {}

  private final int capacity;
  private final ConcurrentHashMap<String, Verified> tokens = new ConcurrentHashMap<>();

  VerifiedTokens(int capacity) {
    this.capacity = capacity;
  }

  Optional<Verified> get(String token) {
    return Optional.ofNullable(tokens.get(token));
  }

  void put(String token, Verified verified) {
    if (tokens.size() >= capacity) {
      tokens.clear();
    }
    tokens.put(token, verified);
  }

  void forget(String token) {
    tokens.remove(token);
  }

  int size() {
    return tokens.size();
  }
}
