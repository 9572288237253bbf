package io.oteldemo.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.idempotency.IdempotencyClaim.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do; each implementation's test extends this. */
abstract class IdempotencyStoreContract {

  static final String DAY_PHONE = "date=2026-01-25;device_id=iphone_stuart";
  static final String DAY_ALL = "date=2026-01-25;device_id=*";
  static final IdempotencyKey KEY = new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324");
  static final StoredAcceptance ANSWER =
      new StoredAcceptance(
          "job-1",
          "queued",
          Instant.parse("2026-01-26T09:15:02.123456789Z"),
          "/api/distance/jobs/job-1");

  /** The store under test, empty, keeping answers for 24 h and in-flight marks for a minute. */
  abstract IdempotencyStore store();

  @Test
  void theFirstUseOfAKeyStarts() {
    IdempotencyClaim claim = store().begin("alice", KEY, DAY_PHONE);

    assertEquals(Outcome.STARTED, claim.outcome());
    assertEquals(Optional.empty(), claim.replay());
  }

  @Test
  void theSameRequestWhileTheFirstIsInFlightIsInFlight() {
    store().begin("alice", KEY, DAY_PHONE);

    assertEquals(Outcome.IN_FLIGHT, store().begin("alice", KEY, DAY_PHONE).outcome());
  }

  @Test
  void aDifferentRequestWithTheKeyIsAMismatchWhileInFlightAndAfter() {
    IdempotencyClaim first = store().begin("alice", KEY, DAY_PHONE);
    assertEquals(Outcome.MISMATCH, store().begin("alice", KEY, DAY_ALL).outcome());

    store().complete(first, ANSWER);
    assertEquals(Outcome.MISMATCH, store().begin("alice", KEY, DAY_ALL).outcome());
  }

  @Test
  void aCompletedKeyReplaysTheStoredAnswer() {
    store().complete(store().begin("alice", KEY, DAY_PHONE), ANSWER);

    IdempotencyClaim again = store().begin("alice", KEY, DAY_PHONE);
    assertEquals(Outcome.REPLAY, again.outcome());
    assertEquals(Optional.of(ANSWER), again.replay());
    assertEquals(
        Optional.of(ANSWER),
        store().begin("alice", KEY, DAY_PHONE).replay(),
        "replayed as often as asked");
  }

  @Test
  void aReleasedKeyStartsAgain() {
    IdempotencyClaim failed = store().begin("alice", KEY, DAY_PHONE);
    store().release(failed);

    assertEquals(Outcome.STARTED, store().begin("alice", KEY, DAY_PHONE).outcome());
  }

  @Test
  void aReleasedKeyMayBeUsedForAnotherRequest() {
    store().release(store().begin("alice", KEY, DAY_PHONE));

    assertEquals(Outcome.STARTED, store().begin("alice", KEY, DAY_ALL).outcome());
  }

  @Test
  void keysBelongToTheirUser() {
    store().complete(store().begin("alice", KEY, DAY_PHONE), ANSWER);

    assertEquals(
        Outcome.STARTED,
        store().begin("bob", KEY, DAY_ALL).outcome(),
        "bob's key of the same name is his own");
  }

  @Test
  void otherKeysAreIndependent() {
    store().begin("alice", KEY, DAY_PHONE);

    assertEquals(
        Outcome.STARTED,
        store().begin("alice", new IdempotencyKey("another"), DAY_PHONE).outcome());
  }

  @Test
  void aStaleAttemptCannotCompleteOrReleaseALaterOne() {
    IdempotencyClaim stale = store().begin("alice", KEY, DAY_PHONE);
    store().release(stale);
    IdempotencyClaim current = store().begin("alice", KEY, DAY_PHONE);

    store().complete(stale, ANSWER);
    assertEquals(
        Outcome.IN_FLIGHT,
        store().begin("alice", KEY, DAY_PHONE).outcome(),
        "the stale attempt's answer is not stored");
    store().release(stale);
    assertEquals(
        Outcome.IN_FLIGHT,
        store().begin("alice", KEY, DAY_PHONE).outcome(),
        "nor can it release the current attempt");

    StoredAcceptance answer =
        new StoredAcceptance("job-2", "queued", ANSWER.queuedAt(), "/api/distance/jobs/job-2");
    store().complete(current, answer);
    assertEquals(Optional.of(answer), store().begin("alice", KEY, DAY_PHONE).replay());
  }

  @Test
  void releasingACompletedKeyKeepsItsAnswer() {
    IdempotencyClaim claim = store().begin("alice", KEY, DAY_PHONE);
    store().complete(claim, ANSWER);
    store().release(claim);

    assertEquals(Optional.of(ANSWER), store().begin("alice", KEY, DAY_PHONE).replay());
  }

  @Test
  void ofConcurrentFirstUsesExactlyOneStarts() throws Exception {
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return store().begin("alice", KEY, DAY_PHONE).outcome();
                }));
      }
      ready.await(10, TimeUnit.SECONDS);
      go.countDown();
      List<Outcome> results = new ArrayList<>();
      for (Future<Outcome> outcome : outcomes) {
        results.add(outcome.get(10, TimeUnit.SECONDS));
      }
      Map<Outcome, Long> counts =
          results.stream()
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertEquals(Map.of(Outcome.STARTED, 1L, Outcome.IN_FLIGHT, (long) threads - 1), counts);
    } finally {
      pool.shutdownNow();
    }
  }
}
