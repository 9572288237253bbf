package io.oteldemo.failover;

import io.oteldemo.idempotency.IdempotencyClaim;
import io.oteldemo.idempotency.IdempotencyKey;
import io.oteldemo.idempotency.RedisIdempotencyStore;
import io.oteldemo.idempotency.StoredAcceptance;
import io.oteldemo.jobs.RedisJobRegistry;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.ratelimit.RateLimitPolicy;
import io.oteldemo.ratelimit.RedisTokenBuckets;
import io.oteldemo.redis.RedisClusterProcesses;
import io.oteldemo.redis.RedisDeployment;
import io.oteldemo.redis.RedisProcess;
import io.oteldemo.redis.RedisSentinelProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Measures what a Redis failover costs the application: 20 users run the mixed load through the
 * application's own Redis adapters and client settings (a rate-limit decision on every request; a
 * calculation now and then: idempotency claim, job registration, answer stored; a job read), while
 * a replica is promoted. Counts failed operations, what users would have seen, acknowledged job
 * records and idempotency keys missing afterwards, and the time from the failover to the last
 * failure. Not part of the build (its name is no test's): run it with
 *
 * <pre>./mvnw -o test-compile surefire:test -Dtest=FailoverRun -Djacoco.skip=true</pre>
 *
 * and read {@code target/failover.md}.
 */
class FailoverRun {

  private static final int USERS = 20;
  private static final Duration TIMEOUT = Duration.ofMillis(250);
  private static final Duration BEFORE = Duration.ofSeconds(4);
  private static final Duration AFTER = Duration.ofSeconds(12);
  private static final int WRITES = 5_000;
  private static final RateLimitPolicy STATUS =
      new RateLimitPolicy("status", 1_000_000, Duration.ofSeconds(60));

  private final List<String> rows = new ArrayList<>();

  @Test
  void measure() throws Exception {
    scenario("Cluster: `CLUSTER FAILOVER` on a replica", cluster(), FailoverRun::clusterFailover);
    scenario("Cluster: a master killed", cluster(), FailoverRun::clusterKill);
    scenario(
        "Sentinel: `SENTINEL FAILOVER`", sentinel(), deployment -> sentinelFailover(deployment));
    scenario("Sentinel: the master killed", sentinel(), FailoverRun::sentinelKill);
    String waitCost;
    try (RedisDeployment deployment = cluster();
        UnifiedJedis client = deployment.client(TIMEOUT)) {
      waitCost = "| Cluster | " + latencies(client, false) + " | " + latencies(client, true) + " |";
    }
    String report =
        "| Scenario | Operations | Failed | Users saw | Lost jobs / keys | Recovered after |\n"
            + "| --- | --- | --- | --- | --- | --- |\n"
            + String.join("\n", rows)
            + "\n\n| Topology | A write, p50 / p99 / max ms | The same with WAIT 1, p50 / p99 / max"
            + " ms |\n| --- | --- | --- |\n"
            + waitCost
            + "\n";
    Files.writeString(Path.of("target/failover.md"), report);
    System.out.println(report);
  }

  /**
   * A job registration's write (SET with expiry) sent {@value #WRITES} times, alone or followed by
   * {@code WAIT 1} in the same pipeline (so on the same connection, as WAIT requires): what waiting
   * for a replica costs on the hot path.
   */
  private static String latencies(UnifiedJedis client, boolean waitForReplica) {
    long[] nanos = new long[WRITES];
    for (int i = 0; i < WRITES; i++) {
      String key = "jobs:{wait-cost}:job:" + i;
      long start = System.nanoTime();
      try (AbstractPipeline pipeline = client.pipelined()) {
        pipeline.set(key, "entry", SetParams.setParams().px(60_000));
        if (waitForReplica) {
          pipeline.waitReplicas(key, 1, TIMEOUT.toMillis());
        }
        pipeline.sync();
      }
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return String.format(
        Locale.ROOT,
        "%.2f / %.2f / %.2f",
        nanos[WRITES / 2] / 1e6,
        nanos[WRITES * 99 / 100] / 1e6,
        nanos[WRITES - 1] / 1e6);
  }

  private static RedisDeployment cluster() {
    return RedisClusterProcesses.start();
  }

  private static RedisDeployment sentinel() {
    RedisSentinelProcesses sentinel = RedisSentinelProcesses.start();
    sentinel.awaitReadyForFailover();
    return sentinel;
  }

  private void scenario(String name, RedisDeployment deployment, Consumer<RedisDeployment> failover)
      throws Exception {
    try (deployment;
        UnifiedJedis client = deployment.client(TIMEOUT)) {
      Load load = new Load(client);
      ExecutorService users = Executors.newFixedThreadPool(USERS);
      Instant end = Instant.now().plus(BEFORE).plus(AFTER);
      for (int i = 0; i < USERS; i++) {
        String user = "user-" + i + "-" + UUID.randomUUID();
        users.submit(() -> load.run(user, end));
      }
      Thread.sleep(BEFORE.toMillis());
      Instant failedOver = Instant.now();
      failover.accept(deployment);
      users.shutdown();
      users.awaitTermination(AFTER.toSeconds() + 30, TimeUnit.SECONDS);
      rows.add(load.row(name, failedOver));
    }
  }

  private static void clusterFailover(RedisDeployment deployment) {
    RedisProcess replica = ((RedisClusterProcesses) deployment).nodes().get(3);
    admin(replica, Command.CLUSTER, "FAILOVER");
  }

  private static void clusterKill(RedisDeployment deployment) {
    ((RedisClusterProcesses) deployment).nodes().get(0).stop();
  }

  private static void sentinelFailover(RedisDeployment deployment) {
    RedisProcess sentinel = ((RedisSentinelProcesses) deployment).sentinels().get(0);
    admin(sentinel, Command.SENTINEL, "FAILOVER", RedisSentinelProcesses.MASTER_NAME);
  }

  private static void sentinelKill(RedisDeployment deployment) {
    ((RedisSentinelProcesses) deployment).dataNodes().get(0).stop();
  }

  private static void admin(RedisProcess node, Command command, String... args) {
    try (UnifiedJedis client = node.client(Duration.ofSeconds(2))) {
      client.sendCommand(command, args);
    }
  }

  /** The users' operations and what came of them. */
  private static final class Load {

    private final RedisTokenBuckets buckets;
    private final RedisJobRegistry registry;
    private final RedisIdempotencyStore idempotency;
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong undecided = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong lastFailure = new AtomicLong();
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

    Load(UnifiedJedis client) {
      buckets = new RedisTokenBuckets(client);
      registry = new RedisJobRegistry(client, Clock.systemUTC(), Duration.ofHours(24));
      idempotency = new RedisIdempotencyStore(client, Duration.ofHours(24), Duration.ofSeconds(60));
    }

    void run(String user, Instant end) {
      String[] lastJob = {"none"};
      for (long i = 0; Instant.now().isBefore(end); i++) {
        // Every request is rate limited: Redis failing here is a request let through undecided.
        attempt(() -> buckets.take(user, STATUS), undecided);
        if (i % 5 == 0) {
          attempt(() -> lastJob[0] = calculate(user), unavailable);
        } else {
          attempt(() -> registry.find(user, lastJob[0]), unavailable);
        }
        pause();
      }
    }

    /** A POST with an Idempotency-Key: claim, register, store the answer; acknowledged if all. */
    private String calculate(String user) {
      IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());
      IdempotencyClaim claim = idempotency.begin(user, key, "fingerprint");
      String jobId = UUID.randomUUID().toString();
      Instant now = Instant.now();
      registry.register(
          new RegisteredJob(jobId, user, LocalDate.of(2026, 1, 25), Optional.empty(), now));
      idempotency.complete(claim, new StoredAcceptance(jobId, "queued", now, "/jobs/" + jobId));
      acknowledged.add(new Acknowledged(user, jobId, key));
      return jobId;
    }

    private void attempt(Runnable operation, AtomicLong seenAs) {
      operations.incrementAndGet();
      try {
        operation.run();
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        seenAs.incrementAndGet();
        lastFailure.accumulateAndGet(System.nanoTime(), Math::max);
      }
    }

    String row(String name, Instant failedOver) {
      long lostJobs = 0;
      long lostKeys = 0;
      for (Acknowledged job : acknowledged) {
        boolean found = false;
        boolean replayed = false;
        try {
          found = registry.find(job.user(), job.jobId()).isPresent();
          replayed =
              idempotency.begin(job.user(), job.key(), "fingerprint").outcome()
                  == IdempotencyClaim.Outcome.REPLAY;
        } catch (RuntimeException e) {
          // counted as lost below
        }
        lostJobs += found ? 0 : 1;
        lostKeys += replayed ? 0 : 1;
      }
      long recovered =
          failed.get() == 0
              ? 0
              : Math.max(0, Duration.ofNanos(lastFailure.get() - nanosAt(failedOver)).toMillis());
      return "| "
          + name
          + " | "
          + operations.get()
          + " | "
          + failed.get()
          + " | "
          + undecided.get()
          + " requests let through undecided, "
          + unavailable.get()
          + " answered 503 | "
          + lostJobs
          + " / "
          + lostKeys
          + " of "
          + acknowledged.size()
          + " | "
          + (failed.get() == 0 ? "no failure" : recovered + " ms")
          + " |";
    }

    /** The nano clock's reading at an instant shortly before now. */
    private static long nanosAt(Instant instant) {
      return System.nanoTime() - Duration.between(instant, Instant.now()).toNanos();
    }

    private static void pause() {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private record Acknowledged(String user, String jobId, IdempotencyKey key) {}
}
