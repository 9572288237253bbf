package io.oteldemo.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.oteldemo.jobs.InMemoryJobRegistry;
import io.oteldemo.jobs.JobFinished;
import io.oteldemo.jobs.JobKeeper;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.RedisJobRegistry;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.testing.MutableClock;
import io.oteldemo.testing.RecordingEvent;
import io.oteldemo.testing.RedisServer;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerHealth;
import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobPage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Who may download which result file, with the registry in this process and in Redis: only the
 * owner of a completed job of the same date and device.
 */
@RedisServer
class DownloadAccessTest {

  private static final Instant T0 = Instant.parse("2026-01-26T09:00:00Z");
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);
  private static final String PHONE_FILE = "distance_20260125_iphone_stuart.csv";
  private static final String ALL_FILE = "distance_20260125.csv";

  private static UnifiedJedis client;

  private final MutableClock clock = new MutableClock(T0);
  private final StatusWorker worker = new StatusWorker();
  private final RecordingEvent<JobFinished> finished = new RecordingEvent<>();

  @BeforeAll
  static void connect(UnifiedJedis redis) {
    client = redis;
  }

  static Stream<String> registries() {
    return Stream.of("in-process", "redis");
  }

  private JobRegistry registry(String kind) {
    if (kind.equals("redis")) {
      return new RedisJobRegistry(client, clock, RETENTION);
    }
    return new InMemoryJobRegistry(clock, RETENTION);
  }

  private DownloadAccess access(JobRegistry registry) {
    DownloadAccess access = new DownloadAccess();
    access.registry = registry;
    access.worker = worker;
    access.keeper = new JobKeeper(registry, finished);
    return access;
  }

  private RegisteredJob job(
      JobRegistry registry, String id, String owner, Optional<String> device, JobStatus status) {
    RegisteredJob job = new RegisteredJob(id, owner, DAY, device, clock.instant());
    registry.register(job);
    worker.statuses.put(id, status);
    return job;
  }

  @ParameterizedTest
  @MethodSource("registries")
  void theOwnerOfACompletedJobMayDownloadItsFile(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);
    job(registry, "job-2", "alice", Optional.empty(), JobStatus.COMPLETED);

    assertTrue(access(registry).ownsResult("alice", PHONE_FILE));
    assertTrue(access(registry).ownsResult("alice", ALL_FILE));
  }

  @ParameterizedTest
  @MethodSource("registries")
  void nobodyElseMayAndTheWorkerIsNotAsked(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);
    worker.calls.set(0);

    assertFalse(access(registry).ownsResult("bob", PHONE_FILE));
    assertEquals(0, worker.calls.get(), "nothing of bob's to ask the worker about");
  }

  @ParameterizedTest
  @MethodSource("registries")
  void aJobOfAnotherDeviceOrOfEveryDeviceGrantsNoOtherFile(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("ipad_stuart"), JobStatus.COMPLETED);
    job(registry, "job-2", "bob", Optional.empty(), JobStatus.COMPLETED);
    job(registry, "job-3", "carol", Optional.of("iphone_stuart"), JobStatus.COMPLETED);

    assertFalse(access(registry).ownsResult("alice", PHONE_FILE));
    assertFalse(access(registry).ownsResult("bob", PHONE_FILE));
    assertFalse(access(registry).ownsResult("carol", ALL_FILE));
    assertFalse(access(registry).ownsResult("carol", "distance_20260126_iphone_stuart.csv"));
  }

  @ParameterizedTest
  @MethodSource("registries")
  void aJobThatDidNotCompleteGrantsNothing(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.QUEUED);
    job(registry, "job-2", "bob", Optional.of("iphone_stuart"), JobStatus.PROCESSING);
    job(registry, "job-3", "carol", Optional.of("iphone_stuart"), JobStatus.FAILED);

    assertFalse(access(registry).ownsResult("alice", PHONE_FILE));
    assertFalse(access(registry).ownsResult("bob", PHONE_FILE));
    assertFalse(access(registry).ownsResult("carol", PHONE_FILE));
  }

  @ParameterizedTest
  @MethodSource("registries")
  void aJobSeenCompletedStaysDownloadableAfterTheWorkerForgotIt(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);
    assertTrue(access(registry).ownsResult("alice", PHONE_FILE));

    worker.statuses.clear();
    worker.calls.set(0);

    assertTrue(access(registry).ownsResult("alice", PHONE_FILE));
    assertEquals(0, worker.calls.get(), "the registry remembers the completed job");
  }

  @ParameterizedTest
  @MethodSource("registries")
  void aJobKeptByAStatusReadIsDownloadableWithoutTheWorkerAndAKeptFailureGrantsNothing(
      String kind) {
    JobRegistry registry = registry(kind);
    RegisteredJob phone =
        job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);
    RegisteredJob all = job(registry, "job-2", "alice", Optional.empty(), JobStatus.FAILED);
    assertTrue(registry.keep(phone, worker.jobStatus("job-1")));
    assertTrue(registry.keep(all, worker.jobStatus("job-2")));
    worker.statuses.clear();
    worker.calls.set(0);

    assertTrue(access(registry).ownsResult("alice", PHONE_FILE));
    assertFalse(access(registry).ownsResult("alice", ALL_FILE), "it failed: no file");
    assertFalse(access(registry).ownsResult("bob", PHONE_FILE), "still the owner's only");
    assertEquals(0, worker.calls.get(), "answered from the kept views");
  }

  @ParameterizedTest
  @MethodSource("registries")
  void aDownloadCheckThatSeesTheJobCompletedKeepsItAndAnnouncesItOnce(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);

    assertTrue(access(registry).ownsResult("alice", PHONE_FILE));
    assertTrue(access(registry).ownsResult("alice", PHONE_FILE));

    assertEquals(
        "completed",
        registry.find("alice", "job-1").orElseThrow().kept().orElseThrow().status(),
        "the whole final view is kept");
    assertEquals(1, finished.fired().size(), "JobFinished once");
  }

  @ParameterizedTest
  @MethodSource("registries")
  void aJobTheWorkerForgotBeforeItWasSeenCompletedGrantsNothing(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);
    worker.statuses.clear();

    assertFalse(access(registry).ownsResult("alice", PHONE_FILE));
  }

  @ParameterizedTest
  @MethodSource("registries")
  void nothingIsGrantedPastTheRetention(String kind) {
    JobRegistry registry = registry(kind);
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);
    assertTrue(access(registry).ownsResult("alice", PHONE_FILE));

    clock.advance(RETENTION.plusSeconds(1));
    if (kind.equals("redis")) {
      // Redis expires keys by its own clock: the test's clock cannot move it.
      client.flushAll();
    }

    assertFalse(access(registry).ownsResult("alice", PHONE_FILE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"distance_20261399_iphone_stuart.csv", "distance_20260230.csv"})
  void aNameWhoseDateIsNoDayGrantsNothing(String name) {
    JobRegistry registry = registry("in-process");
    job(registry, "job-1", "alice", Optional.of("iphone_stuart"), JobStatus.COMPLETED);

    assertFalse(access(registry).ownsResult("alice", name));
  }

  /** A worker that knows only each job's status, and counts how often it is asked. */
  private static final class StatusWorker implements DistanceWorkerClient {

    final Map<String, JobStatus> statuses = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public WorkerJob jobStatus(String jobId) {
      calls.incrementAndGet();
      JobStatus status = statuses.get(jobId);
      if (status == null) {
        throw new WorkerException(
            WorkerException.Kind.NOT_FOUND, Status.Code.UNKNOWN, "job not found", null);
      }
      return new WorkerJob(
          jobId,
          status.wireName(),
          T0,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    @Override
    public QueuedJob calculate(LocalDate date, Optional<String> deviceId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset) {
      throw new UnsupportedOperationException();
    }

    @Override
    public WorkerHealth health() {
      return WorkerHealth.SERVING;
    }
  }
}
