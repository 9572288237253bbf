package io.oteldemo.distance;

import io.oteldemo.idempotency.IdempotencyClaim;
import io.oteldemo.idempotency.StoredAcceptance;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.JobSlot;
import io.oteldemo.jobs.JobSlotLock;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.telemetry.TraceIds;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues calculations on the worker and registers them for their owner. Without an idempotency key,
 * a request identical to one of the same user whose job is still queued or processing (same date
 * and device) gets that job instead of a duplicate ({@code JOB_COALESCING}): the UI retries POSTs
 * on 5xx, and two jobs of the same date and device race on the same CSV file. Identical requests
 * arriving together are serialised by a short lock on their slot, so they too share one job.
 */
@ApplicationScoped
public class JobQueue {

  private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());

  /** How often a request waiting for an identical one checks whether its job is queued. */
  static final Duration WAIT_STEP = Duration.ofMillis(25);

  @Inject DistanceWorkerClient worker;
  @Inject JobRegistry registry;
  @Inject JobSlotLock slotLock;
  @Inject JobRecorder recorder;

  @Inject
  @ConfigProperty(name = "JOB_COALESCING")
  boolean coalescing;

  @Inject WorkerWaits waits;

  /** Replaced by the request's own through CDI; a plain one where the queue is built by hand. */
  @Inject JoinedJob joined = new JoinedJob();

  Clock clock = Clock.systemUTC();

  /** Always queues a new job. */
  public QueuedJob submit(String owner, CalculateCommand command) {
    return submit(owner, command, Optional.empty());
  }

  /**
   * Always queues a new job and records it ({@link JobRecorder}), with the key's answer when a key
   * was claimed. A failure before the worker accepted the job is thrown as it came: nothing was
   * queued. After it, only {@link JobNotRecordedException}.
   */
  public QueuedJob submit(
      String owner, CalculateCommand command, Optional<IdempotencyClaim> claim) {
    QueuedJob job = worker.calculate(command.date(), command.deviceId());
    recorder.record(
        new RegisteredJob(job.jobId(), owner, command.date(), command.deviceId(), clock.instant())
            .queuedAt(job.queuedAt()),
        claim.map(
            started ->
                new JobRecorder.KeyAnswer(
                    started,
                    new StoredAcceptance(
                        job.jobId(),
                        job.status(),
                        job.queuedAt(),
                        DistanceJobService.JOBS_PATH + job.jobId()))));
    return job;
  }

  /**
   * The owner's job for the same date and device while it is queued or processing, with its current
   * status; otherwise (or with coalescing off) a new job.
   */
  public QueuedJob submitOrJoin(String owner, CalculateCommand command) {
    if (!coalescing) {
      return submit(owner, command);
    }
    JobSlot slot = new JobSlot(owner, command.date(), command.deviceId());
    Duration hold = waits.slotLock();
    long deadline = System.nanoTime() + hold.toNanos();
    while (true) {
      Optional<QueuedJob> running = runningJob(slot);
      if (running.isPresent()) {
        return running.get();
      }
      String token = UUID.randomUUID().toString();
      if (slotLock.tryLock(slot, token, hold)) {
        try {
          return runningJob(slot).orElseGet(() -> submit(owner, command));
        } finally {
          unlock(slot, token);
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        // The holder is stuck past any worker deadline: do not make this request wait for it.
        return submit(owner, command);
      }
      pause();
    }
  }

  /** The slot's latest job, if the worker still has it queued or processing. */
  private Optional<QueuedJob> runningJob(JobSlot slot) {
    return registry.latestJobId(slot).flatMap(this::ifRunning).map(this::joined);
  }

  private QueuedJob joined(QueuedJob job) {
    joined.mark();
    return job;
  }

  private Optional<QueuedJob> ifRunning(String jobId) {
    WorkerJob job;
    try {
      job = worker.jobStatus(jobId);
    } catch (WorkerException e) {
      if (e.kind() == WorkerException.Kind.NOT_FOUND) {
        return Optional.empty(); // the worker restarted and forgot it
      }
      throw e;
    }
    return JobStatus.fromWire(job.status())
        .filter(status -> !status.isFinished())
        .map(status -> new QueuedJob(job.jobId(), job.status(), job.queuedAt()));
  }

  /** A lock that cannot be released expires by itself: the answer is not failed for it. */
  private void unlock(JobSlot slot, String token) {
    try {
      slotLock.unlock(slot, token);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cannot release the lock of a job slot; it expires by itself " + TraceIds.logTag(),
          e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(WAIT_STEP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for an identical request", e);
    }
  }
}
