package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.oteldemo.idempotency.IdempotencyStore;
import io.oteldemo.idempotency.InProcessIdempotencyStore;
import io.oteldemo.jobs.InMemoryJobRegistry;
import io.oteldemo.jobs.InProcessJobSlotLock;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.testing.Concurrently;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Coalescing: when an identical request gets the running job, and when it gets a new one. */
class JobQueueTest {

  private static final WorkerWaits WAITS =
      WorkerWaits.of(WorkerSettings.of("localhost:50051", Duration.ofSeconds(30)));

  private static final CalculateCommand PHONE_DAY =
      new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));

  private final FakeWorker worker = new FakeWorker();
  private final JobQueue queue = queue(worker, true);

  static JobQueue queue(FakeWorker worker, boolean coalescing) {
    JobQueue queue = new JobQueue();
    queue.worker = worker;
    queue.registry = new InMemoryJobRegistry(Clock.systemUTC(), Duration.ofHours(24));
    queue.slotLock = new InProcessJobSlotLock(Clock.systemUTC());
    queue.recorder =
        recorder(
            queue.registry,
            new InProcessIdempotencyStore(
                Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(60)),
            new ManualScheduler());
    queue.coalescing = coalescing;
    queue.waits = WAITS;
    return queue;
  }

  static JobRecorder recorder(
      JobRegistry registry, IdempotencyStore idempotency, ManualScheduler scheduler) {
    JobRecorder recorder = new JobRecorder();
    recorder.registry = registry;
    recorder.idempotency = idempotency;
    recorder.waits = WAITS;
    recorder.scheduler = scheduler;
    return recorder;
  }

  @Test
  void anIdenticalRequestWhileTheJobIsQueuedGetsThatJob() {
    QueuedJob first = queue.submitOrJoin("alice", PHONE_DAY);

    QueuedJob second = queue.submitOrJoin("alice", PHONE_DAY);

    assertEquals(first.jobId(), second.jobId());
    assertEquals("queued", second.status());
    assertEquals(first.queuedAt(), second.queuedAt());
    assertEquals(1, worker.calculations.get(), "one job queued");
  }

  @Test
  void onlyTheRequestThatJoinedARunningJobIsMarkedCoalesced() {
    queue.submitOrJoin("alice", PHONE_DAY);
    assertFalse(queue.joined.joined(), "the first request queued its job");

    queue.joined = new JoinedJob();
    queue.submitOrJoin("alice", PHONE_DAY);
    assertTrue(queue.joined.joined(), "the identical request joined it");
  }

  @Test
  void anIdenticalRequestWhileTheJobIsProcessingGetsItWithItsStatus() {
    QueuedJob first = queue.submitOrJoin("alice", PHONE_DAY);
    worker.setStatus(first.jobId(), "processing");

    QueuedJob second = queue.submitOrJoin("alice", PHONE_DAY);

    assertEquals(first.jobId(), second.jobId());
    assertEquals("processing", second.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"completed", "failed"})
  void aFinishedJobIsNotJoined(String status) {
    QueuedJob first = queue.submitOrJoin("alice", PHONE_DAY);
    worker.setStatus(first.jobId(), status);

    QueuedJob second = queue.submitOrJoin("alice", PHONE_DAY);

    assertNotEquals(first.jobId(), second.jobId());
    assertEquals(2, worker.calculations.get());
  }

  @Test
  void aJobTheWorkerForgotIsNotJoined() {
    QueuedJob first = queue.submitOrJoin("alice", PHONE_DAY);
    worker.forgetAll();

    assertNotEquals(first.jobId(), queue.submitOrJoin("alice", PHONE_DAY).jobId());
  }

  @Test
  void otherUsersDatesAndDevicesGetTheirOwnJobs() {
    QueuedJob first = queue.submitOrJoin("alice", PHONE_DAY);

    Set<String> ids =
        Set.of(
            first.jobId(),
            queue.submitOrJoin("bob", PHONE_DAY).jobId(),
            queue
                .submitOrJoin("alice", new CalculateCommand(PHONE_DAY.date(), Optional.empty()))
                .jobId(),
            queue
                .submitOrJoin(
                    "alice", new CalculateCommand(PHONE_DAY.date(), Optional.of("ipad_stuart")))
                .jobId(),
            queue
                .submitOrJoin(
                    "alice",
                    new CalculateCommand(PHONE_DAY.date().minusDays(1), PHONE_DAY.deviceId()))
                .jobId());

    assertEquals(5, ids.size(), "five different jobs");
  }

  @Test
  void withCoalescingOffEveryRequestQueuesAJob() {
    JobQueue off = queue(worker, false);
    QueuedJob first = off.submitOrJoin("alice", PHONE_DAY);

    assertNotEquals(first.jobId(), off.submitOrJoin("alice", PHONE_DAY).jobId());
  }

  @Test
  void submitAlwaysQueuesANewJob() {
    QueuedJob first = queue.submitOrJoin("alice", PHONE_DAY);

    assertNotEquals(first.jobId(), queue.submit("alice", PHONE_DAY).jobId());
  }

  @Test
  void aWorkerFailureWhileCheckingTheRunningJobIsAnswered() {
    queue.submitOrJoin("alice", PHONE_DAY);
    worker.statusFailure =
        new WorkerException(
            WorkerException.Kind.UNAVAILABLE, Status.Code.UNAVAILABLE, "down", null);

    WorkerException e =
        assertThrows(WorkerException.class, () -> queue.submitOrJoin("alice", PHONE_DAY));
    assertEquals(WorkerException.Kind.UNAVAILABLE, e.kind());
  }

  @Test
  void aFailedQueueingReleasesTheSlotAtOnce() {
    worker.calculateFailure =
        new WorkerException(
            WorkerException.Kind.BUSY, Status.Code.RESOURCE_EXHAUSTED, "full", null);
    assertThrows(WorkerException.class, () -> queue.submitOrJoin("alice", PHONE_DAY));
    worker.calculateFailure = null;

    long start = System.nanoTime();
    queue.submitOrJoin("alice", PHONE_DAY);

    assertTrue(
        Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
        "the retry must not wait for the failed request's lock to expire");
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void concurrentIdenticalRequestsQueueOneJob() {
    worker.calculateDelay = Duration.ofMillis(200);
    Set<String> distinct =
        new HashSet<>(Concurrently.run(10, i -> queue.submitOrJoin("alice", PHONE_DAY).jobId()));
    assertEquals(1, distinct.size(), () -> "one job for all: " + distinct);
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void concurrentRequestsOfDifferentUsersDoNotWaitForEachOther() {
    List<String> users = List.of("u1", "u2", "u3", "u4");
    worker.calculateRendezvous = new CountDownLatch(users.size());

    Set<String> distinct =
        new HashSet<>(
            Concurrently.run(
                users.size(), i -> queue.submitOrJoin(users.get(i), PHONE_DAY).jobId()));

    assertEquals(users.size(), distinct.size(), () -> "a job each: " + distinct);
    assertEquals(
        users.size(),
        worker.mostCalculationsAtOnce.get(),
        "every user's calculation was at the worker while the others' were");
  }
}
