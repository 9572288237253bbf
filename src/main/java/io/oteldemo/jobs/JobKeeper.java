package io.oteldemo.jobs;

import io.oteldemo.redis.SharedStateUnavailableException;
import io.oteldemo.worker.WorkerJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Keeps the final view of a job the moment the gateway first sees it finished, wherever that is (a
 * status read, the list, a download check), and announces it with {@link JobFinished}: once per
 * job, by the replica whose keep came first.
 */
@ApplicationScoped
public class JobKeeper {

  private static final Logger LOG = Logger.getLogger(JobKeeper.class.getName());

  private final JobRegistry registry;
  private final Event<JobFinished> finished;
  private final Clock clock = Clock.systemUTC();

  @Inject
  public JobKeeper(JobRegistry registry, Event<JobFinished> finished) {
    this.registry = registry;
    this.finished = finished;
  }

  /** For the container's client proxy. */
  protected JobKeeper() {
    this(null, null);
  }

  /**
   * The job's state now: its kept final view as it is, without asking; otherwise what {@code ask}
   * (the worker) reports, kept if it is final. The worker's failures propagate.
   */
  public WorkerJob current(RegisteredJob job, Supplier<WorkerJob> ask) {
    if (job.kept().isPresent()) {
      return job.kept().get();
    }
    WorkerJob seen = ask.get();
    keepIfFinal(job, seen);
    return seen;
  }

  /**
   * Keeps {@code seen} when it is final and nothing is kept yet. A Redis failure while keeping does
   * not fail the read that saw it: the view is answered as it is, and kept by a later read.
   */
  public void keepIfFinal(RegisteredJob job, WorkerJob seen) {
    if (job.kept().isPresent() || !RegisteredJob.isFinal(seen)) {
      return;
    }
    boolean first;
    try {
      first = registry.keep(job, seen);
    } catch (SharedStateUnavailableException e) {
      LOG.warning(() -> "A finished job is kept by a later read: " + e.getMessage());
      return;
    }
    if (first) {
      finished.fire(
          new JobFinished(
              seen.status(), seen.queuedAt(), seen.completedAt().orElseGet(clock::instant)));
    }
  }
}
