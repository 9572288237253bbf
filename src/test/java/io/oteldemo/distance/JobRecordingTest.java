package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.deviceaccess.DeviceAccessTest;
import io.oteldemo.idempotency.IdempotencyClaim;
import io.oteldemo.idempotency.IdempotencyKey;
import io.oteldemo.idempotency.IdempotencyKeyInFlightException;
import io.oteldemo.idempotency.IdempotencyStore;
import io.oteldemo.idempotency.InProcessIdempotencyStore;
import io.oteldemo.idempotency.StoredAcceptance;
import io.oteldemo.jobs.InMemoryJobRegistry;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.JobSlot;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.ratelimit.ReadAlongHashes;
import io.oteldemo.redis.SharedStateUnavailableException;
import io.oteldemo.telemetry.RequestTrace;
import io.oteldemo.testing.MutableClock;
import io.oteldemo.worker.WorkerJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A job the worker accepted while Redis failed: the client may get 503, but the job never stays
 * invisible and a retry with the same Idempotency-Key never queues a second one.
 */
class JobRecordingTest {

  private static final CalculateCommand PHONE_DAY =
      new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));
  private static final Optional<IdempotencyKey> KEY = Optional.of(new IdempotencyKey("k-1"));

  private final FakeWorker worker = new FakeWorker();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-26T09:00:00Z"));
  private final FlakyRegistry registry =
      new FlakyRegistry(new InMemoryJobRegistry(Clock.systemUTC(), Duration.ofHours(24)));
  private final FlakyIdempotency idempotency =
      new FlakyIdempotency(
          new InProcessIdempotencyStore(
              Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(60)));
  private final ManualScheduler scheduler = new ManualScheduler();
  private final DistanceJobService service = service();

  private DistanceJobService service() {
    JobQueue queue = JobQueueTest.queue(worker, true);
    queue.registry = registry;
    queue.recorder = JobQueueTest.recorder(registry, idempotency, scheduler);
    queue.recorder.clock = clock;
    DistanceJobService service = new DistanceJobService();
    service.current = CurrentJobsTest.current(worker, registry);
    service.readAlong = new ReadAlongHashes();
    service.registry = registry;
    service.queue = queue;
    service.idempotency = idempotency;
    service.user = new TestUser("alice");
    service.trace = new RequestTrace();
    service.deviceAccess = DeviceAccessTest.access("");
    return service;
  }

  @Test
  void aKeyedJobWhoseRegistrationFailsIs503AndTheKeysRetryResolvesToIt() {
    registry.registerFailures = 1;

    assertThrows(SharedStateUnavailableException.class, () -> service.calculate(PHONE_DAY, KEY));
    assertEquals(1, worker.calculations.get(), "the worker runs the job");
    assertThrows(
        IdempotencyKeyInFlightException.class,
        () -> service.calculate(PHONE_DAY, KEY),
        "until the job is recorded, the key is still in flight");
    assertEquals(1, worker.calculations.get(), "a retry queues no second job");

    assertEquals(1, scheduler.runDue());

    Calculation retry = service.calculate(PHONE_DAY, KEY);
    assertTrue(retry.replayed(), "the retry gets the job that exists");
    assertEquals(1, worker.calculations.get());
    String jobId = retry.accepted().jobId();
    assertEquals(jobId, service.job(jobId).jobId(), "and can read it");
    assertEquals(Set.of(jobId), ids(), "and list it");
  }

  @Test
  void anUnkeyedJobWhoseRegistrationFailsIs503ThenAppears() {
    registry.registerFailures = 1;

    assertThrows(
        SharedStateUnavailableException.class,
        () -> service.calculate(PHONE_DAY, Optional.empty()));
    assertEquals(Set.of(), ids(), "not registered yet");

    scheduler.runDue();

    assertEquals(1, ids().size(), "registered in the background");
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void aJobWhoseKeyAnswerFailsIs202AndTheKeyResolvesToItLater() {
    idempotency.completeFailures = 1;

    Calculation first = service.calculate(PHONE_DAY, KEY);
    String jobId = first.accepted().jobId();
    assertEquals(jobId, service.job(jobId).jobId(), "the job is registered");
    assertThrows(IdempotencyKeyInFlightException.class, () -> service.calculate(PHONE_DAY, KEY));

    scheduler.runDue();

    Calculation retry = service.calculate(PHONE_DAY, KEY);
    assertTrue(retry.replayed());
    assertEquals(jobId, retry.accepted().jobId());
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void aRedisThatStaysDownIsRetriedWithGrowingPausesUntilTheInFlightMarkWouldExpire() {
    registry.registerFailures = Integer.MAX_VALUE;
    assertThrows(SharedStateUnavailableException.class, () -> service.calculate(PHONE_DAY, KEY));

    for (int round = 0; round < 100 && scheduler.pending() > 0; round++) {
      clock.advance(scheduler.pauses.get(scheduler.pauses.size() - 1));
      scheduler.runDue();
    }

    List<Duration> pauses = scheduler.pauses;
    assertEquals(0, scheduler.pending(), "it gives up");
    assertEquals(JobRecorder.FIRST_PAUSE, pauses.get(0));
    assertEquals(JobRecorder.FIRST_PAUSE.multipliedBy(2), pauses.get(1));
    assertEquals(JobRecorder.LONGEST_PAUSE, pauses.get(pauses.size() - 1));
    Duration total = pauses.stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(
        total.compareTo(Duration.ofSeconds(60)) <= 0 && total.compareTo(Duration.ofSeconds(50)) > 0,
        () -> "retried for about the in-flight timeout of 60 s: " + total);
    assertFalse(registry.registered, "never registered");
  }

  @Test
  void aWorkerFailureQueuesNothingAndSchedulesNothing() {
    worker.calculateFailure = new IllegalStateException("worker down");

    assertThrows(IllegalStateException.class, () -> service.calculate(PHONE_DAY, KEY));

    assertEquals(0, scheduler.pending());
    worker.calculateFailure = null;
    assertFalse(service.calculate(PHONE_DAY, KEY).replayed(), "the key was released");
  }

  private Set<String> ids() {
    return Set.copyOf(
        service
            .list(new JobQuery(Optional.empty(), Optional.empty(), Optional.empty(), 50, 0))
            .jobs()
            .stream()
            .map(JobSummaryView::jobId)
            .toList());
  }

  private static SharedStateUnavailableException redisDown(String operation) {
    return new SharedStateUnavailableException(
        operation, new JedisConnectionException("Read timed out"));
  }

  /** A registry whose next registrations fail as a timed-out Redis does. */
  private static final class FlakyRegistry implements JobRegistry {
    private final JobRegistry delegate;
    volatile int registerFailures;
    volatile boolean registered;

    FlakyRegistry(JobRegistry delegate) {
      this.delegate = delegate;
    }

    @Override
    public void register(RegisteredJob job) {
      if (registerFailures > 0) {
        registerFailures--;
        throw redisDown("register a job");
      }
      delegate.register(job);
      registered = true;
    }

    @Override
    public Optional<RegisteredJob> find(String owner, String jobId) {
      return delegate.find(owner, jobId);
    }

    @Override
    public List<RegisteredJob> jobsOf(String owner) {
      return delegate.jobsOf(owner);
    }

    @Override
    public Set<String> jobIdsOf(String owner) {
      return delegate.jobIdsOf(owner);
    }

    @Override
    public Optional<String> latestJobId(JobSlot slot) {
      return delegate.latestJobId(slot);
    }

    @Override
    public boolean keep(RegisteredJob job, WorkerJob finalView) {
      return delegate.keep(job, finalView);
    }

    @Override
    public Optional<String> completedJobId(JobSlot slot) {
      return delegate.completedJobId(slot);
    }
  }

  /** An idempotency store whose next answers fail to be stored. */
  private static final class FlakyIdempotency implements IdempotencyStore {
    private final IdempotencyStore delegate;
    volatile int completeFailures;

    FlakyIdempotency(IdempotencyStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public IdempotencyClaim begin(String user, IdempotencyKey key, String fingerprint) {
      return delegate.begin(user, key, fingerprint);
    }

    @Override
    public void complete(IdempotencyClaim claim, StoredAcceptance answer) {
      if (completeFailures > 0) {
        completeFailures--;
        throw redisDown("store an idempotent answer");
      }
      delegate.complete(claim, answer);
    }

    @Override
    public void release(IdempotencyClaim claim) {
      delegate.release(claim);
    }
  }
}
