package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.redis.RedisProcess;
import io.oteldemo.redis.SharedStateUnavailableException;
import io.oteldemo.testing.Await;
import io.oteldemo.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The Redis job registry against a real redis-server, shared by two clients as by replicas. */
@RedisServer
class RedisJobRegistryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);
  private static final Optional<String> PHONE = Optional.of("iphone_stuart");

  private UnifiedJedis clientA;
  private RedisJobRegistry replicaA;
  private RedisJobRegistry replicaB;

  @BeforeEach
  void connect(UnifiedJedis clientA, UnifiedJedis clientB) {
    this.clientA = clientA;
    replicaA = new RedisJobRegistry(clientA, Clock.systemUTC(), RETENTION);
    replicaB = new RedisJobRegistry(clientB, Clock.systemUTC(), RETENTION);
  }

  @Test
  void aJobRoundTripsWithOwnerDateAndDevice() {
    RegisteredJob job = job("job-1", "alice", PHONE);
    replicaA.register(job);

    assertEquals(Optional.of(job), replicaA.find("alice", "job-1"));
  }

  @Test
  void aJobForEveryDeviceKeepsItsEmptyDevice() {
    RegisteredJob job = job("job-1", "alice", Optional.empty());
    replicaA.register(job);

    assertEquals(Optional.of(job), replicaA.find("alice", "job-1"));
  }

  @Test
  void anUnknownJobIsNotFound() {
    assertEquals(Optional.empty(), replicaA.find("alice", "no-such-job"));
  }

  @Test
  void anotherReplicaAnswersForTheJob() {
    RegisteredJob job = job("job-1", "alice", PHONE);
    replicaA.register(job);

    assertEquals(Optional.of(job), replicaB.find("alice", "job-1"));
    assertEquals(Set.of("job-1"), replicaB.jobIdsOf("alice"));
    assertEquals(Optional.of("job-1"), replicaB.latestJobId(job.slot()));
  }

  @Test
  void eachOwnerListsOnlyTheirJobs() {
    replicaA.register(job("a1", "alice", PHONE));
    replicaB.register(job("a2", "alice", Optional.empty()));
    replicaA.register(job("b1", "bob", PHONE));

    assertEquals(Set.of("a1", "a2"), replicaB.jobIdsOf("alice"));
    assertEquals(Set.of("b1"), replicaA.jobIdsOf("bob"));
    assertEquals(Set.of(), replicaA.jobIdsOf("carol"));
    assertEquals("bob", replicaA.find("bob", "b1").orElseThrow().owner());
    assertEquals(
        Optional.empty(), replicaA.find("alice", "b1"), "another owner's job is not found");
  }

  @Test
  void theLatestJobOfEachSlotIsKept() {
    replicaA.register(job("first", "alice", PHONE));
    replicaB.register(job("second", "alice", PHONE));
    replicaA.register(job("all", "alice", Optional.empty()));
    replicaA.register(job("bobs", "bob", PHONE));

    assertEquals(Optional.of("second"), replicaA.latestJobId(new JobSlot("alice", DAY, PHONE)));
    assertEquals(
        Optional.of("all"), replicaA.latestJobId(new JobSlot("alice", DAY, Optional.empty())));
    assertEquals(Optional.of("bobs"), replicaA.latestJobId(new JobSlot("bob", DAY, PHONE)));
    assertEquals(
        Optional.empty(), replicaA.latestJobId(new JobSlot("alice", DAY.minusDays(1), PHONE)));
  }

  @Test
  void everyKeyHasItsOwnExpiryAndTheOwnersKeysShareAHashTag() {
    replicaA.register(job("job-1", "alice", PHONE));

    Set<String> keys = clientA.keys("*");
    assertEquals(
        Set.of(
            "job:job-1",
            "jobs:{alice}:job:job-1",
            "jobs:{alice}",
            "jobs:{alice}:latest:2026-01-25:iphone_stuart"),
        keys);
    for (String key : keys) {
      long ttl = clientA.pttl(key);
      assertTrue(
          ttl > RETENTION.toMillis() - 60_000 && ttl <= RETENTION.toMillis(),
          key + " should expire after the retention, pttl " + ttl);
    }
  }

  @Test
  void jobsOlderThanTheRetentionAreNotListedEvenBeforeTheirIndexExpires() {
    Instant now = Instant.now();
    replicaA.register(
        new RegisteredJob(
            "old", "alice", DAY, PHONE, now.minus(RETENTION).minus(1, ChronoUnit.MINUTES)));
    replicaA.register(new RegisteredJob("new", "alice", DAY, PHONE, now));

    assertEquals(Set.of("new"), replicaA.jobIdsOf("alice"));
    assertEquals(null, clientA.zscore("jobs:{alice}", "old"), "trimmed from the index");
  }

  @Test
  void jobsExpireAfterTheRetention() {
    RedisJobRegistry shortLived =
        new RedisJobRegistry(clientA, Clock.systemUTC(), Duration.ofSeconds(1));
    RegisteredJob job = job("job-1", "alice", PHONE);
    shortLived.register(job);
    assertTrue(shortLived.find("alice", "job-1").isPresent());

    Await.until(
        () -> shortLived.find("alice", "job-1").isEmpty(), "the job should expire after 1 s");
    assertEquals(Set.of(), shortLived.jobIdsOf("alice"));
    assertEquals(Optional.empty(), shortLived.latestJobId(job.slot()));
    Await.until(() -> clientA.keys("*").isEmpty(), "every key should expire");
  }

  @Test
  @RedisServer
  void aDeadRedisIsReportedNotHidden(RedisProcess own) {
    try (UnifiedJedis client = own.client(Duration.ofMillis(200))) {
      RedisJobRegistry registry = new RedisJobRegistry(client, Clock.systemUTC(), RETENTION);
      registry.register(job("job-1", "alice", PHONE));
      own.stop();

      assertThrows(SharedStateUnavailableException.class, () -> registry.find("alice", "job-1"));
      assertThrows(SharedStateUnavailableException.class, () -> registry.jobIdsOf("alice"));
      assertThrows(
          SharedStateUnavailableException.class,
          () -> registry.register(job("job-2", "alice", PHONE)));
      assertThrows(
          SharedStateUnavailableException.class,
          () -> registry.latestJobId(new JobSlot("alice", DAY, PHONE)));

      own.restart();
      assertFalse(
          registry.find("alice", "job-1").isPresent(),
          "nothing is persisted; but it answers again");
    }
  }

  @Test
  void aJobMarkedCompletedOnOneReplicaIsSeenByTheOther() {
    RegisteredJob job = job("job-1", "alice", PHONE);
    replicaA.register(job);
    assertEquals(Optional.empty(), replicaB.completedJobId(job.slot()), "not yet completed");

    replicaA.keep(job, FinalViews.completed("job-1"));

    assertEquals(Optional.of("job-1"), replicaB.completedJobId(job.slot()));
    assertEquals(
        Optional.empty(),
        replicaB.completedJobId(job("job-2", "bob", PHONE).slot()),
        "another owner's slot");
  }

  @Test
  void theCompletedMarkExpiresWithTheJob() {
    RegisteredJob job =
        new RegisteredJob(
            "job-1",
            "alice",
            DAY,
            PHONE,
            Instant.now().minus(RETENTION).plusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
    replicaA.register(job);
    replicaA.keep(job, FinalViews.completed("job-1"));

    long ttl = clientA.pttl(RedisJobRegistry.completedKey(job.slot()));
    assertTrue(ttl > 0 && ttl <= 60_000, () -> "expires when the job does, ttl " + ttl);
  }

  @Test
  void aJobPastItsRetentionIsNotMarkedCompleted() {
    RegisteredJob job =
        new RegisteredJob(
            "job-1", "alice", DAY, PHONE, Instant.now().minus(RETENTION).minusSeconds(1));

    replicaA.keep(job, FinalViews.completed("job-1"));

    assertEquals(Optional.empty(), replicaA.completedJobId(job.slot()));
  }

  @Test
  void onlyTheFirstKeeperKeepsAndItsOwnRepeatIsRecognised() {
    RegisteredJob job = job("job-1", "alice", PHONE);
    replicaA.register(job);

    assertTrue(replicaA.keep(job, FinalViews.completed("job-1"), "token-a"), "the first keeper");
    assertTrue(
        replicaA.keep(job, FinalViews.completed("job-1"), "token-a"),
        "the same call repeated after a lost reply is still the first keeper");
    assertFalse(replicaB.keep(job, FinalViews.completed("job-1")), "another keeper is not");
    assertFalse(replicaA.keep(job, FinalViews.failed("job-1")), "and the view never changes");
    assertEquals(
        FinalViews.completed("job-1"), replicaB.find("alice", "job-1").orElseThrow().kept().get());
  }

  @Test
  void aKeptJobIsReadAsItIsStoredNowEvenAfterItWasReadBefore() {
    RegisteredJob job = job("job-1", "alice", PHONE);
    replicaA.register(job);
    replicaA.keep(job, FinalViews.completed("job-1"));
    assertEquals(
        FinalViews.completed("job-1"), replicaA.find("alice", "job-1").orElseThrow().kept().get());

    // Written behind the registry's back (an operator's repair): the next read sees it.
    clientA.hset(
        RedisJobRegistry.hashKey("alice", "job-1"),
        RedisJobRegistry.FINAL,
        JobRecordJson.finalView(FinalViews.failed("job-1")));
    assertEquals(
        FinalViews.failed("job-1"), replicaA.find("alice", "job-1").orElseThrow().kept().get());

    clientA.del(RedisJobRegistry.hashKey("alice", "job-1"), "job:job-1");
    assertEquals(Optional.empty(), replicaA.find("alice", "job-1"), "gone once expired");
  }

  @Test
  void aJobOfThePreviousVersionIsFoundByItsOldKeyAndKeptUnderItsOwnersTag() {
    RegisteredJob job = job("old-1", "alice", PHONE);
    clientA.set(
        "job:old-1",
        "{\"owner\":\"alice\",\"date\":\"2026-01-25\",\"registered_at\":\""
            + job.registeredAt()
            + "\",\"device_id\":\"iphone_stuart\"}");

    assertEquals(Optional.of(job), replicaA.find("alice", "old-1"), "found by job:<id>");
    assertEquals(Optional.empty(), replicaA.find("bob", "old-1"), "for its owner only");
    assertTrue(replicaA.keep(job, FinalViews.failed("old-1")));

    assertEquals(
        FinalViews.failed("old-1"),
        replicaB.find("alice", "old-1").orElseThrow().kept().orElseThrow());
    assertTrue(clientA.exists("jobs:{alice}:job:old-1"), "kept under the owner's tag");
  }

  /** Every script and pipeline of the registry, for owners a naive hash tag would scatter. */
  @ParameterizedTest
  @MethodSource("io.oteldemo.testing.AwkwardSubjects#subjects")
  void anyOwnersJobIsRegisteredListedKeptAndFound(String owner) {
    RegisteredJob first = job("job-1", owner, PHONE);
    RegisteredJob second = job("job-2", owner, Optional.empty());
    replicaA.register(first);
    replicaA.register(second);

    assertTrue(replicaB.keep(first, FinalViews.completed("job-1")), "kept for " + owner);
    assertEquals(Set.of("job-1", "job-2"), replicaB.jobIdsOf(owner));
    assertEquals(2, replicaB.jobsOf(owner).size(), "both read in one pipeline");
    assertEquals(Optional.of("job-1"), replicaB.completedJobId(first.slot()));
    assertEquals(Optional.of("job-2"), replicaB.latestJobId(second.slot()));
    assertEquals(
        FinalViews.completed("job-1"), replicaB.find(owner, "job-1").orElseThrow().kept().get());
    assertEquals(
        1,
        Stream.of(
                RedisJobRegistry.ownerKey(owner),
                RedisJobRegistry.hashKey(owner, "job-1"),
                RedisJobRegistry.latestKey(first.slot()),
                RedisJobRegistry.completedKey(first.slot()),
                RedisJobSlotLock.lockKey(first.slot()))
            .map(JedisClusterCRC16::getSlot)
            .distinct()
            .count(),
        "one slot for every key of the owner");
  }

  private static RegisteredJob job(String id, String owner, Optional<String> device) {
    return new RegisteredJob(id, owner, DAY, device, Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }
}
