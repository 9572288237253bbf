package io.oteldemo.download;

import io.oteldemo.jobs.JobKeeper;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.JobSlot;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who may download a result file: only a user who owns, in the job registry, a completed job whose
 * result it is (same date, same device or every device). A result file is a person's location
 * history and its name is easy to guess, so the file must not be anyone's who asks.
 *
 * <p>The registry keeps a job seen completed, so later downloads need neither the worker nor its
 * memory of the job. Until then the slot's latest job is asked for (and kept once finished): a user
 * who never polled the job to its end can still download its file.
 */
@ApplicationScoped
public class DownloadAccess {

  @Inject JobRegistry registry;
  @Inject DistanceWorkerClient worker;
  @Inject JobKeeper keeper;

  /** Whether the owner has a completed job whose result file has this (checked) name. */
  public boolean ownsResult(String owner, String checkedName) {
    Optional<JobSlot> slot =
        CsvFileOrigin.of(checkedName)
            .map(origin -> new JobSlot(owner, origin.date(), origin.deviceId()));
    if (slot.isEmpty()) {
      return false;
    }
    if (registry.completedJobId(slot.get()).isPresent()) {
      return true;
    }
    return registry
        .latestJobId(slot.get())
        .flatMap(jobId -> registry.find(owner, jobId))
        .filter(this::hasCompleted)
        .isPresent();
  }

  private boolean hasCompleted(RegisteredJob job) {
    WorkerJob now;
    try {
      now = keeper.current(job, () -> worker.jobStatus(job.jobId()));
    } catch (WorkerException e) {
      if (e.kind() == WorkerException.Kind.NOT_FOUND) {
        return false; // the worker restarted and forgot it before anyone saw it completed
      }
      throw e;
    }
    return JobStatus.fromWire(now.status())
        .filter(status -> status == JobStatus.COMPLETED)
        .isPresent();
  }
}
