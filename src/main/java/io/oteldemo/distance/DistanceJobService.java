package io.oteldemo.distance;

import io.oteldemo.auth.CurrentUser;
import io.oteldemo.auth.CurrentUser.AuthenticatedUser;
import io.oteldemo.deviceaccess.DeviceAccess;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.idempotency.IdempotencyClaim;
import io.oteldemo.idempotency.IdempotencyKey;
import io.oteldemo.idempotency.IdempotencyKeyInFlightException;
import io.oteldemo.idempotency.IdempotencyKeyMismatchException;
import io.oteldemo.idempotency.IdempotencyStore;
import io.oteldemo.idempotency.StoredAcceptance;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.ratelimit.ReadAlongHashes;
import io.oteldemo.telemetry.RequestTrace;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobResult;
import io.oteldemo.worker.WorkerJobSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The distance jobs as the API presents them: created through the worker and remembered in the
 * registry with their owner, reported with what the gateway asked for, listed with the filters
 * applied here. Only the caller's jobs in the registry exist for them, in the list as for a single
 * job; another user's job is not found, exactly like an unknown one.
 */
@ApplicationScoped
public class DistanceJobService {

  static final String JOBS_PATH = "/api/distance/jobs/";
  static final String DOWNLOAD_PATH = "/api/distance/download/";

  @Inject JobRegistry registry;
  @Inject CurrentJobs current;
  @Inject ReadAlongHashes readAlong;
  @Inject JobQueue queue;
  @Inject IdempotencyStore idempotency;
  @Inject CurrentUser user;
  @Inject DeviceAccess deviceAccess;
  @Inject RequestTrace trace;

  /**
   * Queues a calculation for the caller. With an idempotency key, the key's first request queues a
   * job and its retries get the same answer (IETF idempotency-key draft); without one, an identical
   * request whose job is still running gets that job ({@link JobQueue}). A device the caller's
   * groups are not granted is refused first, so it neither queues a job nor uses up the key.
   */
  public Calculation calculate(CalculateCommand command, Optional<IdempotencyKey> key) {
    AuthenticatedUser caller = user.require();
    deviceAccess.checkCalculation(caller.groups(), command.deviceId());
    String owner = caller.subject();
    if (key.isEmpty()) {
      return new Calculation(accepted(queue.submitOrJoin(owner, command)), false);
    }
    IdempotencyClaim claim = idempotency.begin(owner, key.get(), command.fingerprint());
    return switch (claim.outcome()) {
      case STARTED -> new Calculation(firstWithKey(owner, command, claim), false);
      case REPLAY -> new Calculation(replayed(claim.replay().orElseThrow()), true);
      case IN_FLIGHT -> throw new IdempotencyKeyInFlightException();
      case MISMATCH -> throw new IdempotencyKeyMismatchException();
    };
  }

  /** The first answer again, with this request's trace id. */
  private CalculationAccepted replayed(StoredAcceptance stored) {
    return new CalculationAccepted(
        stored.jobId(), stored.status(), stored.queuedAt(), stored.statusUrl(), trace.traceId());
  }

  /**
   * The key's first request: the job is queued and its answer kept. The key is released only when
   * no job was queued; once the worker has accepted one, the key stays with that job.
   */
  private CalculationAccepted firstWithKey(
      String owner, CalculateCommand command, IdempotencyClaim claim) {
    try {
      return accepted(queue.submit(owner, command, Optional.of(claim)));
    } catch (JobNotRecordedException e) {
      throw e;
    } catch (RuntimeException e) {
      try {
        idempotency.release(claim);
      } catch (RuntimeException releaseFailure) {
        // The in-flight mark then expires by itself; the first failure is the one to answer.
        e.addSuppressed(releaseFailure);
      }
      throw e;
    }
  }

  private CalculationAccepted accepted(QueuedJob job) {
    return new CalculationAccepted(
        job.jobId(), job.status(), job.queuedAt(), JOBS_PATH + job.jobId(), trace.traceId());
  }

  /**
   * A job the caller created here; any other id is not found, without asking the worker. A kept
   * (finished) job is answered from the registry; its record usually came with the rate-limit
   * decision ({@link JobRecordReadAlong}), so it costs no round trip of its own.
   */
  public JobView job(String jobId) {
    String owner = user.require().subject();
    RegisteredJob registered =
        Optional.of(jobId)
            .filter(DistanceRules::isJobId)
            .flatMap(id -> find(owner, id))
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Job not found: " + jobId));
    WorkerJob job = current.of(registered);
    return new JobView(
        job.jobId(),
        job.status(),
        registered.date().toString(),
        registered.deviceId().orElse(null),
        job.queuedAt(),
        job.startedAt().orElse(null),
        job.completedAt().orElse(null),
        job.errorMessage().orElse(null),
        job.result().map(DistanceJobService::resultView).orElse(null),
        trace.traceId());
  }

  /** The owner's job, read along with the rate-limit decision when it was, else now. */
  private Optional<RegisteredJob> find(String owner, String jobId) {
    return registry
        .recordKey(owner, jobId)
        .flatMap(readAlong::fields)
        .map(fields -> registry.find(owner, jobId, fields))
        .orElseGet(() -> registry.find(owner, jobId));
  }

  /** The caller's jobs: kept ones from the registry, the worker asked about the rest only. */
  public JobListView list(JobQuery query) {
    List<RegisteredJob> owned = registry.jobsOf(user.require().subject());
    JobListing.Page page = JobListing.page(current.summaries(owned), query);
    return new JobListView(
        page.jobs().stream().map(DistanceJobService::summaryView).toList(),
        page.totalCount(),
        query.limit(),
        query.offset(),
        page.nextOffset(),
        trace.traceId());
  }

  private static JobResultView resultView(WorkerJobResult result) {
    return new JobResultView(
        DOWNLOAD_PATH + Path.of(result.csvPath()).getFileName(),
        result.totalDistanceKm(),
        result.totalLocations(),
        result.maxDistanceKm(),
        result.minDistanceKm(),
        result.processingTimeMs(),
        result.date(),
        emptyToNull(result.deviceId()));
  }

  private static JobSummaryView summaryView(WorkerJobSummary job) {
    return new JobSummaryView(
        job.jobId(),
        job.status(),
        job.date(),
        emptyToNull(job.deviceId()),
        job.queuedAt(),
        job.completedAt().orElse(null));
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
