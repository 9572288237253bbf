package io.oteldemo.distance;

import io.grpc.Status;
import io.oteldemo.testing.Await;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerHealth;
import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobPage;
import io.oteldemo.worker.WorkerJobSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker whose jobs stay in the status the test sets, so that "still queued" can be tested
 * without racing a real worker; it counts the jobs it was asked to queue.
 */
final class FakeWorker implements DistanceWorkerClient {

  final AtomicInteger calculations = new AtomicInteger();
  private final Map<String, WorkerJobSummary> jobs = new ConcurrentHashMap<>();
  volatile RuntimeException calculateFailure;
  volatile RuntimeException statusFailure;
  volatile RuntimeException listFailure;
  final AtomicInteger statusCalls = new AtomicInteger();
  final AtomicInteger listCalls = new AtomicInteger();
  private final Map<String, WorkerJob> finalViews = new ConcurrentHashMap<>();
  volatile Duration calculateDelay = Duration.ZERO;

  /**
   * When set, each calculation counts down and waits (at most 5 s) until the latch is open, that is
   * until as many calculations as it counts are in progress together.
   */
  volatile CountDownLatch calculateRendezvous;

  private final AtomicInteger calculationsInProgress = new AtomicInteger();
  final AtomicInteger mostCalculationsAtOnce = new AtomicInteger();

  @Override
  public QueuedJob calculate(LocalDate date, Optional<String> deviceId) {
    if (calculateFailure != null) {
      throw calculateFailure;
    }
    int inProgress = calculationsInProgress.incrementAndGet();
    mostCalculationsAtOnce.accumulateAndGet(inProgress, Math::max);
    try {
      meet(calculateRendezvous);
      Await.pause(calculateDelay);
    } finally {
      calculationsInProgress.decrementAndGet();
    }
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    jobs.put(
        id,
        new WorkerJobSummary(
            id, "queued", date.toString(), deviceId.orElse(""), now, Optional.empty()));
    calculations.incrementAndGet();
    return new QueuedJob(id, "queued", now);
  }

  @Override
  public WorkerJob jobStatus(String jobId) {
    statusCalls.incrementAndGet();
    if (statusFailure != null) {
      throw statusFailure;
    }
    WorkerJobSummary job = jobs.get(jobId);
    if (job != null && finalViews.containsKey(jobId)) {
      return finalViews.get(jobId);
    }
    if (job == null) {
      throw new WorkerException(
          WorkerException.Kind.NOT_FOUND, Status.Code.NOT_FOUND, "job not found: " + jobId, null);
    }
    return new WorkerJob(
        jobId,
        job.status(),
        job.queuedAt(),
        Optional.empty(),
        job.completedAt(),
        Optional.empty(),
        Optional.empty());
  }

  @Override
  public WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset) {
    listCalls.incrementAndGet();
    if (listFailure != null) {
      throw listFailure;
    }
    List<WorkerJobSummary> matching =
        jobs.values().stream()
            .filter(
                job -> status.map(wanted -> wanted.wireName().equals(job.status())).orElse(true))
            .toList();
    List<WorkerJobSummary> page = matching.stream().skip(offset).limit(limit).toList();
    return new WorkerJobPage(page, matching.size(), limit, offset);
  }

  @Override
  public WorkerHealth health() {
    return WorkerHealth.SERVING;
  }

  void setStatus(String jobId, String status) {
    WorkerJobSummary job = jobs.get(jobId);
    jobs.put(
        jobId,
        new WorkerJobSummary(
            jobId,
            status,
            job.date(),
            job.deviceId(),
            job.queuedAt(),
            JobStatus.fromWire(status).filter(JobStatus::isFinished).map(done -> Instant.now())));
  }

  /** The job ended as {@code view} says (every member, result included). */
  void finish(WorkerJob view) {
    setStatus(view.jobId(), view.status());
    finalViews.put(view.jobId(), view);
  }

  /** The worker restarted and forgot every job. */
  void forgetAll() {
    jobs.clear();
    finalViews.clear();
  }

  private static void meet(CountDownLatch rendezvous) {
    if (rendezvous != null) {
      rendezvous.countDown();
      Await.value(rendezvous::getCount, count -> count == 0, Duration.ofSeconds(5));
    }
  }
}
