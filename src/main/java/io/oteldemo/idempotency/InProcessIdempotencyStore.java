package io.oteldemo.idempotency;

import io.oteldemo.idempotency.IdempotencyClaim.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The idempotency records of one server process, used when no Redis is configured. Bounded like the
 * job registry: expired records are dropped, and past a fixed number the oldest go first.
 */
public final class InProcessIdempotencyStore implements IdempotencyStore {

  static final int MAX_ENTRIES = 100_000;

  /** Insertion order, refreshed on completion: the oldest records are at the front. */
  private final Map<RecordId, Entry> entries = new LinkedHashMap<>();

  private final Clock clock;
  private final Duration retention;
  private final Duration inFlightTimeout;
  private final int maxEntries;

  public InProcessIdempotencyStore(Clock clock, Duration retention, Duration inFlightTimeout) {
    this(clock, retention, inFlightTimeout, MAX_ENTRIES);
  }

  InProcessIdempotencyStore(
      Clock clock, Duration retention, Duration inFlightTimeout, int maxEntries) {
    this.clock = clock;
    this.retention = retention;
    this.inFlightTimeout = inFlightTimeout;
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized IdempotencyClaim begin(String user, IdempotencyKey key, String fingerprint) {
    Instant now = clock.instant();
    evict(now);
    String digest = key.digest();
    RecordId id = new RecordId(user, digest);
    Entry entry = entries.get(id);
    if (entry == null || !entry.expiresAt().isAfter(now)) {
      String token = UUID.randomUUID().toString();
      entries.remove(id);
      entries.put(id, new Entry(fingerprint, token, null, now.plus(inFlightTimeout)));
      evict(now);
      return IdempotencyClaim.started(user, digest, token);
    }
    if (!entry.fingerprint().equals(fingerprint)) {
      return IdempotencyClaim.of(Outcome.MISMATCH, user, digest);
    }
    if (entry.answer() == null) {
      return IdempotencyClaim.of(Outcome.IN_FLIGHT, user, digest);
    }
    return IdempotencyClaim.replay(user, digest, entry.answer());
  }

  @Override
  public synchronized void complete(IdempotencyClaim claim, StoredAcceptance answer) {
    RecordId id = new RecordId(claim.user(), claim.keyDigest());
    Entry entry = entries.get(id);
    if (isInFlightFor(entry, claim)) {
      entries.remove(id);
      entries.put(
          id,
          new Entry(entry.fingerprint(), entry.token(), answer, clock.instant().plus(retention)));
    }
  }

  @Override
  public synchronized void release(IdempotencyClaim claim) {
    RecordId id = new RecordId(claim.user(), claim.keyDigest());
    if (isInFlightFor(entries.get(id), claim)) {
      entries.remove(id);
    }
  }

  private boolean isInFlightFor(Entry entry, IdempotencyClaim claim) {
    return entry != null
        && entry.answer() == null
        && entry.token().equals(claim.token())
        && entry.expiresAt().isAfter(clock.instant());
  }

  private void evict(Instant now) {
    Iterator<Entry> oldestFirst = entries.values().iterator();
    while (oldestFirst.hasNext()) {
      Entry entry = oldestFirst.next();
      if (entries.size() > maxEntries || !entry.expiresAt().isAfter(now)) {
        oldestFirst.remove();
      } else {
        return;
      }
    }
  }

  private record RecordId(String user, String keyDigest) {}

  /** {@code answer} is null while the first request is in flight. */
  private record Entry(
      String fingerprint, String token, StoredAcceptance answer, Instant expiresAt) {}
}
