package io.oteldemo.idempotency;

/**
 * The idempotency records of {@code POST /calculate}, per user: a key is first marked in flight,
 * then holds the 202 answer for the retention period (24 hours). In Redis when configured ({@link
 * RedisIdempotencyStore}), so a retry is recognised by any replica; otherwise in this process
 * ({@link InProcessIdempotencyStore}).
 *
 * <p>A request is the same as the key's first one when its fingerprint (the validated date and
 * device) is the same. A different request is a mismatch even while the first is in flight.
 */
public interface IdempotencyStore {

  /** Claims the key atomically: exactly one of concurrent first uses gets STARTED. */
  IdempotencyClaim begin(String user, IdempotencyKey key, String fingerprint);

  /** Stores the answer of a STARTED claim, unless its in-flight mark expired meanwhile. */
  void complete(IdempotencyClaim claim, StoredAcceptance answer);

  /** Forgets a STARTED claim whose request failed, so a retry can proceed. */
  void release(IdempotencyClaim claim);
}
