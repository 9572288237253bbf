package io.oteldemo.distance;

import io.oteldemo.api.ApiException;
import io.oteldemo.api.ErrorCode;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.telemetry.RequestTrace;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobResult;
import io.oteldemo.worker.WorkerJobSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The distance jobs as the API presents them: created through the worker and remembered in the
 * registry, reported with what the gateway asked for, listed with the filters applied here. Only
 * jobs in the registry exist for the API, in the list as for a single job.
 */
@ApplicationScoped
public class DistanceJobService {

  static final String JOBS_PATH = "/api/distance/jobs/";
  static final String DOWNLOAD_PATH = "/api/distance/download/";

  @Inject DistanceWorkerClient worker;
  @Inject JobRegistry registry;
  @Inject RequestTrace trace;

  private final Clock clock = Clock.systemUTC();

  public CalculationAccepted calculate(CalculateCommand command) {
    QueuedJob job = worker.calculate(command.date(), command.deviceId());
    registry.register(
        new RegisteredJob(job.jobId(), command.date(), command.deviceId(), clock.instant()));
    return new CalculationAccepted(
        job.jobId(), job.status(), job.queuedAt(), JOBS_PATH + job.jobId(), trace.traceId());
  }

  /** A job this gateway created; any other id is not found, without asking the worker. */
  public JobView job(String jobId) {
    RegisteredJob registered = Optional.of(jobId)
        .filter(DistanceRules::isJobId)
        .flatMap(registry::find)
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Job not found: " + jobId));
    WorkerJob job = worker.jobStatus(jobId);
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

  public JobListView list(JobQuery query) {
    List<WorkerJobSummary> ours = JobListing.readAll(worker, query.status()).stream()
        .filter(job -> registry.find(job.jobId()).isPresent())
        .toList();
    JobListing.Page page = JobListing.page(ours, query);
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
        job.jobId(), job.status(), job.date(), emptyToNull(job.deviceId()), job.queuedAt(),
        job.completedAt().orElse(null));
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
