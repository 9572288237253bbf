package io.oteldemo.jobs;

import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.WorkerJob;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the gateway asked the worker for, remembered because the worker does not say it back, and
 * for whom: {@code owner} is the token's {@code sub}, so a user sees only their own jobs.
 *
 * @param queuedAt when the worker queued it, as its acceptance said: the last state known of a job
 *     while the worker cannot be asked
 * @param kept the job's final view (completed or failed, as the worker reported it), once the
 *     gateway has seen it finished; a finished job never changes, so it is answered from here
 */
public record RegisteredJob(
    String jobId,
    String owner,
    LocalDate date,
    Optional<String> deviceId,
    Instant registeredAt,
    Instant queuedAt,
    Optional<WorkerJob> kept) {

  /** A job as it is registered: queued at registration, nothing kept yet. */
  public RegisteredJob(
      String jobId, String owner, LocalDate date, Optional<String> deviceId, Instant registeredAt) {
    this(jobId, owner, date, deviceId, registeredAt, registeredAt, Optional.empty());
  }

  /** The user's calculation this job is for, as duplicate detection compares them. */
  public JobSlot slot() {
    return new JobSlot(owner, date, deviceId);
  }

  /** This job as queued by the worker at {@code queued}. */
  public RegisteredJob queuedAt(Instant queued) {
    return new RegisteredJob(jobId, owner, date, deviceId, registeredAt, queued, kept);
  }

  /** This job with its final view kept. */
  public RegisteredJob keeping(WorkerJob finalView) {
    return new RegisteredJob(
        jobId, owner, date, deviceId, registeredAt, queuedAt, Optional.of(finalView));
  }

  /** Whether a view is final: completed or failed. */
  public static boolean isFinal(WorkerJob view) {
    return JobStatus.fromWire(view.status()).filter(JobStatus::isFinished).isPresent();
  }

  /** Whether the kept view says completed (its result file is then its owner's). */
  public boolean keptCompleted() {
    return kept.map(view -> JobStatus.COMPLETED.wireName().equals(view.status())).orElse(false);
  }
}
