package io.oteldemo.idempotency;

import java.util.Optional;

/**
 * What {@link IdempotencyStore#begin} found for a key. Only a {@link Outcome#STARTED} claim may be
 * completed or released; {@code token} tells this attempt from a later one on the same key.
 */
public record IdempotencyClaim(
    Outcome outcome,
    String user,
    String keyDigest,
    String token,
    Optional<StoredAcceptance> replay) {

  /** The four answers the draft distinguishes. */
  public enum Outcome {
    /** First use of the key (or a retry after a failure): this request does the work. */
    STARTED,
    /** The key's request succeeded before, for the same request: answer as it was answered. */
    REPLAY,
    /** The key's first request is still being processed: 409. */
    IN_FLIGHT,
    /** The key was used for a different request: 422. */
    MISMATCH
  }

  static IdempotencyClaim started(String user, String keyDigest, String token) {
    return new IdempotencyClaim(Outcome.STARTED, user, keyDigest, token, Optional.empty());
  }

  static IdempotencyClaim replay(String user, String keyDigest, StoredAcceptance stored) {
    return new IdempotencyClaim(Outcome.REPLAY, user, keyDigest, null, Optional.of(stored));
  }

  static IdempotencyClaim of(Outcome outcome, String user, String keyDigest) {
    return new IdempotencyClaim(outcome, user, keyDigest, null, Optional.empty());
  }
}
