package io.oteldemo.download;

import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.JobSlot;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.WorkerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who may download a result file: only a user who owns, in the job registry, a completed job whose
 * result it is (same date, same device or every device). A result file is a person's location
 * history and its name is easy to guess, so the file must not be anyone's who asks.
 *
 * <p>The registry remembers a job seen completed, so later downloads need neither the worker nor
 * its memory of the job. Until then the slot's latest job is asked for: a user who never polled the
 * job to its end can still download its file.
 */
@ApplicationScoped
public class DownloadAccess {

  @Inject JobRegistry registry;
  @Inject DistanceWorkerClient worker;

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
    Optional<RegisteredJob> completed =
        registry
            .latestJobId(slot.get())
            .flatMap(registry::find)
            .filter(job -> job.owner().equals(owner))
            .filter(this::hasCompleted);
    completed.ifPresent(registry::markCompleted);
    return completed.isPresent();
  }

  private boolean hasCompleted(RegisteredJob job) {
    try {
      return JobStatus.fromWire(worker.jobStatus(job.jobId()).status())
          .filter(status -> status == JobStatus.COMPLETED)
          .isPresent();
    } catch (WorkerException e) {
      if (e.kind() == WorkerException.Kind.NOT_FOUND) {
        return false; // the worker restarted and forgot it before anyone saw it completed
      }
      throw e;
    }
  }
}
