package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.jobs.RedisJobRegistry;
import io.oteldemo.jobs.RedisJobSlotLock;
import io.oteldemo.testing.Concurrently;
import io.oteldemo.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Two replicas sharing a real Redis and one worker: identical requests still share one job. */
@RedisServer
class JobQueueRedisTest {

  private static final CalculateCommand PHONE_DAY =
      new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));

  @Test
  void identicalRequestsSpreadOverTwoReplicasQueueOneJob(UnifiedJedis clientA, UnifiedJedis clientB)
      throws Exception {
    FakeWorker worker = new FakeWorker();
    worker.calculateDelay = Duration.ofMillis(200);
    List<JobQueue> replicas = List.of(replica(worker, clientA), replica(worker, clientB));
    Set<String> distinct =
        new HashSet<>(
            Concurrently.run(
                10, i -> replicas.get(i % 2).submitOrJoin("alice", PHONE_DAY).jobId()));
    assertEquals(1, distinct.size(), () -> "one job for all: " + distinct);
    assertEquals(1, worker.calculations.get());
  }

  private static JobQueue replica(FakeWorker worker, UnifiedJedis client) {
    JobQueue queue = JobQueueTest.queue(worker, true);
    queue.registry = new RedisJobRegistry(client, Clock.systemUTC(), Duration.ofHours(24));
    queue.recorder.registry = queue.registry;
    queue.slotLock = new RedisJobSlotLock(client);
    return queue;
  }
}
