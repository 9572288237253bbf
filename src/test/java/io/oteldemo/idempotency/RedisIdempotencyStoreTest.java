package io.oteldemo.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.idempotency.IdempotencyClaim.Outcome;
import io.oteldemo.redis.RedisProcess;
import io.oteldemo.redis.SharedStateUnavailableException;
import io.oteldemo.testing.Await;
import io.oteldemo.testing.RedisServer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.UnifiedJedis;

/** The Redis store against a real redis-server: the contract, plus sharing and expiry. */
@RedisServer
class RedisIdempotencyStoreTest extends IdempotencyStoreContract {

  private static final Duration RETENTION = Duration.ofHours(24);
  private static final Duration IN_FLIGHT = Duration.ofSeconds(60);

  private UnifiedJedis clientA;
  private RedisIdempotencyStore replicaA;
  private RedisIdempotencyStore replicaB;

  @BeforeEach
  void connect(UnifiedJedis clientA, UnifiedJedis clientB) {
    this.clientA = clientA;
    replicaA = new RedisIdempotencyStore(clientA, RETENTION, IN_FLIGHT);
    replicaB = new RedisIdempotencyStore(clientB, RETENTION, IN_FLIGHT);
  }

  @Override
  IdempotencyStore store() {
    return replicaA;
  }

  @Test
  void replicasShareTheRecords() {
    IdempotencyClaim first = replicaA.begin("alice", KEY, DAY_PHONE);
    assertEquals(Outcome.IN_FLIGHT, replicaB.begin("alice", KEY, DAY_PHONE).outcome());
    assertEquals(Outcome.MISMATCH, replicaB.begin("alice", KEY, DAY_ALL).outcome());

    replicaA.complete(first, ANSWER);
    assertEquals(Optional.of(ANSWER), replicaB.begin("alice", KEY, DAY_PHONE).replay());
  }

  @Test
  void aClaimRepeatedWithItsOwnTokenIsStartedAgainAndOnlyIt() {
    IdempotencyClaim first = replicaA.claim("alice", KEY, DAY_PHONE, "token-1");

    IdempotencyClaim repeated = replicaB.claim("alice", KEY, DAY_PHONE, "token-1");
    IdempotencyClaim other = replicaB.claim("alice", KEY, DAY_PHONE, "token-2");

    assertEquals(Outcome.STARTED, first.outcome());
    assertEquals(
        Outcome.STARTED, repeated.outcome(), "a claim whose reply was lost may be sent again");
    assertEquals(Outcome.IN_FLIGHT, other.outcome());
  }

  @Test
  void aKeyReleasedOnOneReplicaStartsOnAnother() {
    replicaA.release(replicaA.begin("alice", KEY, DAY_PHONE));

    assertEquals(Outcome.STARTED, replicaB.begin("alice", KEY, DAY_PHONE).outcome());
  }

  @Test
  void theRecordIsHashTaggedByUserAndStoresOnlyTheKeysDigest() {
    replicaA.complete(replicaA.begin("alice", KEY, DAY_PHONE), ANSWER);

    Set<String> keys = clientA.keys("*");
    assertEquals(Set.of("idem:{alice}:" + KEY.digest()), keys);
    assertFalse(keys.iterator().next().contains(KEY.value()));
    long ttl = clientA.pttl(keys.iterator().next());
    assertTrue(
        ttl > RETENTION.toMillis() - 60_000 && ttl <= RETENTION.toMillis(),
        "the answer is kept 24 h, pttl " + ttl);
  }

  @Test
  void theInFlightMarkExpiresOnItsOwnShorterTimeout() {
    RedisIdempotencyStore store =
        new RedisIdempotencyStore(clientA, RETENTION, Duration.ofMillis(300));
    store.begin("alice", KEY, DAY_PHONE);
    long ttl = clientA.pttl("idem:{alice}:" + KEY.digest());
    assertTrue(ttl > 0 && ttl <= 300, "pttl " + ttl);

    Await.until(
        () -> store.begin("alice", KEY, DAY_PHONE).outcome() == Outcome.STARTED,
        "a key whose request died should be free again after the in-flight timeout");
  }

  @Test
  void anAnswerExpiresAfterTheRetention() {
    RedisIdempotencyStore store =
        new RedisIdempotencyStore(clientA, Duration.ofSeconds(1), IN_FLIGHT);
    store.complete(store.begin("alice", KEY, DAY_PHONE), ANSWER);
    assertEquals(Outcome.REPLAY, store.begin("alice", KEY, DAY_PHONE).outcome());

    Await.until(() -> clientA.keys("*").isEmpty(), "the record should expire after 1 s");
    assertEquals(Outcome.STARTED, store.begin("alice", KEY, DAY_ALL).outcome());
  }

  @Test
  @RedisServer
  void aDeadRedisIsReportedNotHidden(RedisProcess own) {
    try (UnifiedJedis client = own.client(Duration.ofMillis(200))) {
      RedisIdempotencyStore store = new RedisIdempotencyStore(client, RETENTION, IN_FLIGHT);
      IdempotencyClaim claim = store.begin("alice", KEY, DAY_PHONE);
      own.stop();

      assertThrows(
          SharedStateUnavailableException.class, () -> store.begin("alice", KEY, DAY_PHONE));
      assertThrows(SharedStateUnavailableException.class, () -> store.complete(claim, ANSWER));
      assertThrows(SharedStateUnavailableException.class, () -> store.release(claim));
    }
  }

  @ParameterizedTest
  @MethodSource("io.oteldemo.testing.AwkwardSubjects#subjects")
  void anyUsersKeyIsClaimedCompletedReplayedAndReleased(String user) {
    IdempotencyClaim first = replicaA.begin(user, KEY, DAY_PHONE);
    assertEquals(Outcome.STARTED, first.outcome(), "claimed for " + user);
    replicaA.complete(first, ANSWER);
    assertEquals(Optional.of(ANSWER), replicaB.begin(user, KEY, DAY_PHONE).replay());

    IdempotencyKey other = new IdempotencyKey("another-key-for-" + user.length());
    IdempotencyClaim second = replicaA.begin(user, other, DAY_PHONE);
    replicaA.release(second);
    assertEquals(Outcome.STARTED, replicaB.begin(user, other, DAY_PHONE).outcome());
  }
}
