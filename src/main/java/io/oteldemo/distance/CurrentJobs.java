package io.oteldemo.distance;

import io.oteldemo.jobs.JobKeeper;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The current state of the owner's jobs: a kept final view as it is, without the worker; an
 * unfinished job as the worker reports it now, kept the first time it is final.
 *
 * <p>For a list, the worker is asked only about the unfinished jobs: one {@code GetJobStatus} each
 * up to {@code JOB_LIST_STATUS_CALLS} of them (the usual case, a user has one or two running), else
 * one read of the worker's whole list, which costs the same whatever the number (its lines lack the
 * result, so a job it shows finished is kept at its next single read). A job the worker does not
 * know (it restarted before the job ended) is left out, as the worker's list leaves it out. While
 * the worker cannot answer (unreachable, busy, too slow, its breaker open), the unfinished jobs are
 * shown as last known: {@code queued}, at the time the worker's acceptance said; any other failure
 * of the worker fails the list as it fails a single read.
 */
@ApplicationScoped
class CurrentJobs {

  @Inject DistanceWorkerClient worker;
  @Inject JobKeeper keeper;

  /** Up to this many unfinished jobs, each is asked for; above it, the worker's list is read. */
  @Inject
  @ConfigProperty(name = "JOB_LIST_STATUS_CALLS")
  int askOneByOneUpTo;

  /** A job's state now: kept, or the worker's (kept if final); the worker's failures propagate. */
  WorkerJob of(RegisteredJob job) {
    return keeper.current(job, () -> worker.jobStatus(job.jobId()));
  }

  /** One line per job, as much as can be known now; the worker's outage fails nothing. */
  List<WorkerJobSummary> summaries(List<RegisteredJob> jobs) {
    List<WorkerJobSummary> lines = new ArrayList<>();
    List<RegisteredJob> unfinished = new ArrayList<>();
    for (RegisteredJob job : jobs) {
      job.kept().ifPresentOrElse(kept -> lines.add(summary(job, kept)), () -> unfinished.add(job));
    }
    if (unfinished.size() <= askOneByOneUpTo) {
      lines.addAll(oneByOne(unfinished));
    } else {
      lines.addAll(fromWorkerList(unfinished));
    }
    return lines;
  }

  private List<WorkerJobSummary> oneByOne(List<RegisteredJob> unfinished) {
    List<WorkerJobSummary> lines = new ArrayList<>();
    for (int i = 0; i < unfinished.size(); i++) {
      RegisteredJob job = unfinished.get(i);
      try {
        lines.add(summary(job, of(job)));
      } catch (WorkerException | FaultToleranceException e) {
        if (isForgotten(e)) {
          continue;
        }
        if (!isOutage(e)) {
          throw e;
        }
        unfinished.subList(i, unfinished.size()).forEach(rest -> lines.add(lastKnown(rest)));
        return lines;
      }
    }
    return lines;
  }

  /** The worker cannot answer now (down, full, too slow, or its breaker or bulkhead says so). */
  private static boolean isOutage(RuntimeException e) {
    if (e instanceof WorkerException worker) {
      return switch (worker.kind()) {
        case UNAVAILABLE, BUSY, TIMEOUT -> true;
        default -> false;
      };
    }
    return e instanceof FaultToleranceException;
  }

  private static boolean isForgotten(RuntimeException e) {
    return e instanceof WorkerException worker && worker.kind() == WorkerException.Kind.NOT_FOUND;
  }

  private List<WorkerJobSummary> fromWorkerList(List<RegisteredJob> unfinished) {
    Map<String, WorkerJobSummary> listed;
    try {
      listed =
          JobListing.readAll(worker, Optional.empty()).stream()
              .collect(Collectors.toMap(WorkerJobSummary::jobId, Function.identity()));
    } catch (WorkerException | FaultToleranceException e) {
      if (!isOutage(e)) {
        throw e;
      }
      return unfinished.stream().map(CurrentJobs::lastKnown).toList();
    }
    // A line lacks the result, so a job listed as finished is kept by its next single read.
    return unfinished.stream()
        .map(job -> listed.get(job.jobId()))
        .filter(Objects::nonNull)
        .toList();
  }

  private static WorkerJobSummary summary(RegisteredJob job, WorkerJob state) {
    return new WorkerJobSummary(
        job.jobId(),
        state.status(),
        job.date().toString(),
        job.deviceId().orElse(""),
        state.queuedAt(),
        state.completedAt());
  }

  /** What the gateway last saw of an unfinished job: the worker's acceptance. */
  private static WorkerJobSummary lastKnown(RegisteredJob job) {
    return new WorkerJobSummary(
        job.jobId(),
        JobStatus.QUEUED.wireName(),
        job.date().toString(),
        job.deviceId().orElse(""),
        job.queuedAt(),
        Optional.empty());
  }
}
