package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.oteldemo.deviceaccess.DeviceAccessTest;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.idempotency.InProcessIdempotencyStore;
import io.oteldemo.jobs.FinalViews;
import io.oteldemo.jobs.InMemoryJobRegistry;
import io.oteldemo.jobs.JobFinished;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.RedisJobRegistry;
import io.oteldemo.ratelimit.ReadAlongHashes;
import io.oteldemo.redis.RedisDeployment;
import io.oteldemo.telemetry.RequestTrace;
import io.oteldemo.testing.RecordingEvent;
import io.oteldemo.testing.RedisServer;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerJob;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Final views kept in the registry, in the process and in Redis: a finished job reads back the same
 * after the worker restarted or while it is down, the list shows what is kept, and each job is
 * announced finished once, also by two replicas.
 */
@RedisServer
class KeptJobsTest {

  private static final CalculateCommand PHONE_DAY =
      new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));
  private static final CalculateCommand EVERY_DEVICE_DAY =
      new CalculateCommand(LocalDate.of(2026, 1, 24), Optional.empty());
  private static final Duration RETENTION = Duration.ofHours(24);

  private final FakeWorker worker = new FakeWorker();
  private final RecordingEvent<JobFinished> finished = new RecordingEvent<>();
  private RedisDeployment redis;
  private UnifiedJedis clientA;
  private UnifiedJedis clientB;

  static Stream<String> registries() {
    return Stream.of("in-process", "redis");
  }

  @BeforeEach
  void connect(RedisDeployment server) {
    redis = server;
    clientA = server.client(Duration.ofSeconds(2));
    clientB = server.client(Duration.ofSeconds(2));
  }

  @AfterEach
  void disconnect() {
    clientA.close();
    clientB.close();
  }

  private JobRegistry registry(String kind, UnifiedJedis client) {
    return kind.equals("redis")
        ? new RedisJobRegistry(client, Clock.systemUTC(), RETENTION)
        : new InMemoryJobRegistry(Clock.systemUTC(), RETENTION);
  }

  private DistanceJobService service(JobRegistry registry, RecordingEvent<JobFinished> events) {
    JobQueue queue = JobQueueTest.queue(worker, true);
    queue.registry = registry;
    queue.recorder.registry = registry;
    DistanceJobService service = new DistanceJobService();
    service.registry = registry;
    service.current = CurrentJobsTest.current(worker, registry, events);
    service.readAlong = new ReadAlongHashes();
    service.queue = queue;
    service.idempotency =
        new InProcessIdempotencyStore(Clock.systemUTC(), RETENTION, Duration.ofSeconds(60));
    service.user = new TestUser("alice");
    service.deviceAccess = DeviceAccessTest.access("");
    service.trace = new RequestTrace();
    return service;
  }

  private static String submit(DistanceJobService service, CalculateCommand command) {
    return service.calculate(command, Optional.empty()).accepted().jobId();
  }

  /** A view without its trace id, which is the request's own. */
  private static JobView untraced(JobView view) {
    return new JobView(
        view.jobId(),
        view.status(),
        view.date(),
        view.deviceId(),
        view.queuedAt(),
        view.startedAt(),
        view.completedAt(),
        view.errorMessage(),
        view.result(),
        null);
  }

  private static JobQuery everything() {
    return new JobQuery(Optional.empty(), Optional.empty(), Optional.empty(), 50, 0);
  }

  @ParameterizedTest
  @MethodSource("registries")
  void finishedJobsReadBackIdenticalAfterTheWorkerRestarted(String kind) {
    DistanceJobService service = service(registry(kind, clientA), finished);
    String done = submit(service, PHONE_DAY);
    String broken = submit(service, EVERY_DEVICE_DAY);
    worker.finish(withId(FinalViews.completed("x"), done));
    worker.finish(withId(FinalViews.failed("x"), broken));
    JobView doneBefore = untraced(service.job(done));
    JobView brokenBefore = untraced(service.job(broken));
    List<JobSummaryView> listBefore = service.list(everything()).jobs();

    worker.forgetAll();
    worker.statusCalls.set(0);

    assertEquals(doneBefore, untraced(service.job(done)), "the completed job, result and all");
    assertEquals(brokenBefore, untraced(service.job(broken)), "the failed job, message and all");
    assertEquals(listBefore, service.list(everything()).jobs(), "the list");
    assertEquals(0, worker.statusCalls.get(), "the worker was not asked");
    assertEquals(0, worker.listCalls.get(), "nor its list read");
    assertEquals(2, finished.fired().size(), "each job announced once");
  }

  @ParameterizedTest
  @MethodSource("registries")
  void whileTheWorkerIsDownAFinishedJobIsAnsweredAndAnUnfinishedOneIs503(String kind) {
    DistanceJobService service = service(registry(kind, clientA), finished);
    String done = submit(service, PHONE_DAY);
    String running = submit(service, EVERY_DEVICE_DAY);
    worker.finish(withId(FinalViews.completed("x"), done));
    JobView seen = untraced(service.job(done));
    worker.statusFailure =
        new WorkerException(
            WorkerException.Kind.UNAVAILABLE, Status.Code.UNAVAILABLE, "down", null);
    worker.listFailure = worker.statusFailure;

    assertEquals(seen, untraced(service.job(done)));
    WorkerException unfinished = assertThrows(WorkerException.class, () -> service.job(running));
    assertEquals(WorkerException.Kind.UNAVAILABLE, unfinished.kind(), "answered 503");

    Map<String, String> listed =
        service.list(everything()).jobs().stream()
            .collect(Collectors.toMap(JobSummaryView::jobId, JobSummaryView::status));
    assertEquals(Map.of(done, "completed", running, "queued"), listed, "what is kept, and known");
  }

  @ParameterizedTest
  @MethodSource("registries")
  void anotherUsersKeptJobIsNotFound(String kind) {
    DistanceJobService service = service(registry(kind, clientA), finished);
    String done = submit(service, PHONE_DAY);
    worker.finish(withId(FinalViews.completed("x"), done));
    service.job(done);

    service.user = new TestUser("bob");
    ApiException e = assertThrows(ApiException.class, () -> service.job(done));

    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals(List.of(), service.list(everything()).jobs());
  }

  @ParameterizedTest
  @MethodSource("registries")
  void aJobIsAnnouncedFinishedOnceHoweverOftenAndWhereverItIsSeen(String kind) {
    JobRegistry shared = registry(kind, clientA);
    DistanceJobService replicaA = service(shared, finished);
    RecordingEvent<JobFinished> finishedOnB = new RecordingEvent<>();
    DistanceJobService replicaB =
        service(kind.equals("redis") ? registry(kind, clientB) : shared, finishedOnB);
    String done = submit(replicaA, PHONE_DAY);
    WorkerJob view = withId(FinalViews.completed("x"), done);
    worker.finish(view);

    for (int i = 0; i < 3; i++) {
      replicaA.job(done);
      replicaB.job(done);
      replicaA.list(everything());
      replicaB.list(everything());
    }

    assertEquals(
        List.of(new JobFinished("completed", view.queuedAt(), view.completedAt().orElseThrow())),
        finished.fired(),
        "announced by the replica that kept it first");
    assertEquals(List.of(), finishedOnB.fired(), "and by no other");
  }

  private static WorkerJob withId(WorkerJob view, String jobId) {
    return new WorkerJob(
        jobId,
        view.status(),
        view.queuedAt(),
        view.startedAt(),
        view.completedAt(),
        view.errorMessage(),
        view.result());
  }
}
