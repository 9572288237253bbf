package io.oteldemo.idempotency;

import io.oteldemo.idempotency.IdempotencyClaim.Outcome;
import io.oteldemo.redis.RedisCommands;
import io.oteldemo.redis.RedisHashTag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * Idempotency records in Redis, shared by every replica. One hash per user and key, {@code
 * idem:{<sub>}:<sha256 of the key>} (hash-tagged by user), read and changed only by small Lua
 * scripts, so that claiming, completing and releasing are each atomic: of concurrent first uses
 * exactly one is STARTED. The in-flight mark expires after the in-flight timeout (a process that
 * died mid-request does not lock the key for a day); the answer, after the retention. Claiming
 * again with the same token is STARTED again, so a claim whose reply was lost can be repeated
 * ({@link RedisCommands}).
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

  /** ARGV: fingerprint, token, in-flight ttl ms. Returns {outcome, stored answer fields…}. */
  private static final String BEGIN_SCRIPT =
      """
      if redis.call('EXISTS', KEYS[1]) == 0 then
        redis.call('HSET', KEYS[1], 'state', 'in_flight', 'fingerprint', ARGV[1], 'token', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return {'STARTED'}
      end
      local r = redis.call('HMGET', KEYS[1], 'state', 'fingerprint', 'job_id', 'status',
          'queued_at', 'status_url')
      if r[2] ~= ARGV[1] then
        return {'MISMATCH'}
      end
      if r[1] ~= 'done' then
        if redis.call('HGET', KEYS[1], 'token') == ARGV[2] then
          return {'STARTED'}
        end
        return {'IN_FLIGHT'}
      end
      return {'REPLAY', r[3], r[4], r[5], r[6]}
      """;

  /** ARGV: token, job id, status, queued at, status url, retention ms. */
  private static final String COMPLETE_SCRIPT =
      """
      if redis.call('HGET', KEYS[1], 'state') ~= 'in_flight'
          or redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then
        return 0
      end
      redis.call('HSET', KEYS[1], 'state', 'done', 'job_id', ARGV[2], 'status', ARGV[3],
          'queued_at', ARGV[4], 'status_url', ARGV[5])
      redis.call('PEXPIRE', KEYS[1], ARGV[6])
      return 1
      """;

  /** ARGV: token. */
  private static final String RELEASE_SCRIPT =
      """
      if redis.call('HGET', KEYS[1], 'state') == 'in_flight'
          and redis.call('HGET', KEYS[1], 'token') == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;

  private final UnifiedJedis redis;
  private final Duration retention;
  private final Duration inFlightTimeout;

  public RedisIdempotencyStore(UnifiedJedis redis, Duration retention, Duration inFlightTimeout) {
    this.redis = redis;
    this.retention = retention;
    this.inFlightTimeout = inFlightTimeout;
  }

  @Override
  public IdempotencyClaim begin(String user, IdempotencyKey key, String fingerprint) {
    return claim(user, key, fingerprint, UUID.randomUUID().toString());
  }

  /** Claims the key for this attempt's token; the same token again is STARTED again. */
  IdempotencyClaim claim(String user, IdempotencyKey key, String fingerprint, String token) {
    String digest = key.digest();
    Object reply =
        RedisCommands.run(
            "claim an idempotency key",
            () ->
                redis.eval(
                    BEGIN_SCRIPT,
                    List.of(recordKey(user, digest)),
                    List.of(fingerprint, token, Long.toString(inFlightTimeout.toMillis()))));
    List<?> fields = (List<?>) reply;
    Outcome outcome = Outcome.valueOf((String) fields.get(0));
    return switch (outcome) {
      case STARTED -> IdempotencyClaim.started(user, digest, token);
      case REPLAY ->
          IdempotencyClaim.replay(
              user,
              digest,
              new StoredAcceptance(
                  (String) fields.get(1),
                  (String) fields.get(2),
                  Instant.parse((String) fields.get(3)),
                  (String) fields.get(4)));
      case IN_FLIGHT, MISMATCH -> IdempotencyClaim.of(outcome, user, digest);
    };
  }

  @Override
  public void complete(IdempotencyClaim claim, StoredAcceptance answer) {
    RedisCommands.run(
        "store an idempotent answer",
        () ->
            redis.eval(
                COMPLETE_SCRIPT,
                List.of(recordKey(claim.user(), claim.keyDigest())),
                List.of(
                    claim.token(),
                    answer.jobId(),
                    answer.status(),
                    answer.queuedAt().toString(),
                    answer.statusUrl(),
                    Long.toString(retention.toMillis()))));
  }

  @Override
  public void release(IdempotencyClaim claim) {
    RedisCommands.run(
        "release an idempotency key",
        () ->
            redis.eval(
                RELEASE_SCRIPT,
                List.of(recordKey(claim.user(), claim.keyDigest())),
                List.of(claim.token())));
  }

  static String recordKey(String user, String keyDigest) {
    return "idem:" + RedisHashTag.of(user) + ":" + keyDigest;
  }
}
