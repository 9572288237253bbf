package io.oteldemo.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.idempotency.IdempotencyClaim.Outcome;
import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessIdempotencyStoreTest extends IdempotencyStoreContract {

  private static final Duration RETENTION = Duration.ofHours(24);
  private static final Duration IN_FLIGHT = Duration.ofSeconds(60);
  private static final String DAY_DIFFERENT = "date=2026-01-24;device_id=*";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-26T09:00:00Z"));
  private final InProcessIdempotencyStore store =
      new InProcessIdempotencyStore(clock, RETENTION, IN_FLIGHT);

  @Override
  IdempotencyStore store() {
    return store;
  }

  @Test
  void anInFlightMarkExpiresSoAKeyOfADeadRequestCanBeRetried() {
    IdempotencyClaim lost = store.begin("alice", KEY, DAY_PHONE);

    clock.advance(IN_FLIGHT.minusSeconds(1));
    assertEquals(Outcome.IN_FLIGHT, store.begin("alice", KEY, DAY_PHONE).outcome());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Outcome.STARTED, store.begin("alice", KEY, DAY_PHONE).outcome());

    store.complete(lost, ANSWER);
    assertEquals(
        Outcome.IN_FLIGHT,
        store.begin("alice", KEY, DAY_PHONE).outcome(),
        "the expired attempt no longer owns the key");
  }

  @Test
  void anAnswerIsKept24HoursFromItsCompletion() {
    clock.advance(Duration.ofSeconds(10));
    store.complete(store.begin("alice", KEY, DAY_PHONE), ANSWER);

    clock.advance(RETENTION.minusSeconds(1));
    assertEquals(Optional.of(ANSWER), store.begin("alice", KEY, DAY_PHONE).replay());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        Outcome.STARTED,
        store.begin("alice", KEY, DAY_DIFFERENT).outcome(),
        "after 24 h the key is free, for any request");
  }

  @Test
  void pastTheCapTheOldestRecordsGo() {
    InProcessIdempotencyStore small = new InProcessIdempotencyStore(clock, RETENTION, IN_FLIGHT, 2);
    for (int i = 1; i <= 3; i++) {
      IdempotencyKey key = new IdempotencyKey("key-" + i);
      small.complete(small.begin("alice", key, DAY_PHONE), ANSWER);
      clock.advance(Duration.ofSeconds(1));
    }

    assertEquals(
        Outcome.STARTED,
        small.begin("alice", new IdempotencyKey("key-1"), DAY_PHONE).outcome(),
        "the oldest record was dropped");
    assertEquals(
        Outcome.REPLAY, small.begin("alice", new IdempotencyKey("key-3"), DAY_PHONE).outcome());
  }
}
