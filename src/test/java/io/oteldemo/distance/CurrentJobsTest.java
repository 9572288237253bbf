package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.oteldemo.jobs.InMemoryJobRegistry;
import io.oteldemo.jobs.JobFinished;
import io.oteldemo.jobs.JobKeeper;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.testing.RecordingEvent;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerJobSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/** Which jobs of a list the worker is asked about, how, and what a worker outage leaves. */
class CurrentJobsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);

  private final FakeWorker worker = new FakeWorker();
  private final JobRegistry registry =
      new InMemoryJobRegistry(Clock.systemUTC(), Duration.ofHours(24));
  private final RecordingEvent<JobFinished> finished = new RecordingEvent<>();
  private final CurrentJobs current = current(worker, registry, finished);

  /** The service's view of the jobs' states, with a keeper on this registry. */
  static CurrentJobs current(FakeWorker worker, JobRegistry registry) {
    return current(worker, registry, new RecordingEvent<>());
  }

  static CurrentJobs current(
      FakeWorker worker, JobRegistry registry, RecordingEvent<JobFinished> finished) {
    CurrentJobs current = new CurrentJobs();
    current.worker = worker;
    current.keeper = new JobKeeper(registry, finished);
    current.askOneByOneUpTo = 10;
    return current;
  }

  private RegisteredJob queued() {
    String id = worker.calculate(DAY, Optional.empty()).jobId();
    RegisteredJob job =
        new RegisteredJob(id, "alice", DAY, Optional.empty(), java.time.Instant.now());
    registry.register(job);
    return job;
  }

  private Map<String, String> statuses() {
    return current.summaries(registry.jobsOf("alice")).stream()
        .collect(Collectors.toMap(WorkerJobSummary::jobId, WorkerJobSummary::status));
  }

  @Test
  void keptJobsAreListedWithoutTheWorkerAndOnlyTheUnfinishedAreAskedForOneByOne() {
    RegisteredJob done = queued();
    RegisteredJob running = queued();
    worker.finish(io.oteldemo.jobs.FinalViews.completed(done.jobId()));
    worker.setStatus(running.jobId(), "processing");
    statuses(); // sees done completed and keeps it
    worker.statusCalls.set(0);

    Map<String, String> statuses = statuses();

    assertEquals(Map.of(done.jobId(), "completed", running.jobId(), "processing"), statuses);
    assertEquals(1, worker.statusCalls.get(), "only the running job is asked for");
    assertEquals(0, worker.listCalls.get(), "few unfinished jobs: no read of the worker's list");
    assertEquals(1, finished.fired().size(), "kept once, announced once");
  }

  @Test
  void manyUnfinishedJobsAreReadFromTheWorkersListOnce() {
    List<RegisteredJob> jobs = new ArrayList<>();
    for (int i = 0; i <= current.askOneByOneUpTo; i++) {
      jobs.add(queued());
    }
    worker.finish(io.oteldemo.jobs.FinalViews.failed(jobs.get(0).jobId()));
    worker.statusCalls.set(0);

    Map<String, String> statuses = statuses();

    assertEquals(1, worker.listCalls.get(), "one read of the list");
    assertEquals(0, worker.statusCalls.get(), "and no job asked for");
    assertEquals("failed", statuses.get(jobs.get(0).jobId()), "as the worker lists it");
    assertEquals("queued", statuses.get(jobs.get(1).jobId()));
    assertEquals(
        Optional.empty(),
        registry.find("alice", jobs.get(0).jobId()).orElseThrow().kept(),
        "a line lacks the result: kept by the job's next single read");
  }

  @Test
  void whileTheWorkerIsDownKeptJobsAreListedAndUnfinishedOnesAsLastKnown() {
    RegisteredJob done = queued();
    RegisteredJob running = queued();
    worker.finish(io.oteldemo.jobs.FinalViews.completed(done.jobId()));
    worker.setStatus(running.jobId(), "processing");
    statuses();
    worker.statusFailure =
        new WorkerException(
            WorkerException.Kind.UNAVAILABLE, Status.Code.UNAVAILABLE, "down", null);

    Map<String, WorkerJobSummary> lines =
        current.summaries(registry.jobsOf("alice")).stream()
            .collect(Collectors.toMap(WorkerJobSummary::jobId, Function.identity()));

    assertEquals("completed", lines.get(done.jobId()).status());
    WorkerJobSummary lastKnown = lines.get(running.jobId());
    assertEquals("queued", lastKnown.status(), "the last state the gateway saw: its acceptance");
    assertEquals(running.queuedAt(), lastKnown.queuedAt());
    assertEquals(Optional.empty(), lastKnown.completedAt());

    worker.statusFailure = new CircuitBreakerOpenException("open");
    assertEquals(2, current.summaries(registry.jobsOf("alice")).size(), "an open breaker too");
  }

  @Test
  void anUnfinishedJobTheWorkerForgotIsLeftOutAndAnOddAnswerFailsTheList() {
    RegisteredJob lost = queued();
    worker.forgetAll();

    assertEquals(Map.of(), statuses(), "the worker restarted before it ended: nothing to show");
    assertEquals(Optional.empty(), registry.find("alice", lost.jobId()).orElseThrow().kept());

    worker.statusFailure =
        new WorkerException(WorkerException.Kind.FAILED, Status.Code.INTERNAL, "odd", null);
    assertThrows(WorkerException.class, this::statuses);
  }
}
