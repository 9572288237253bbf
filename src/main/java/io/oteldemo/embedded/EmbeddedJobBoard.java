package io.oteldemo.embedded;

import io.opentelemetry.context.Context;
import io.oteldemo.locations.LocationStoreException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded worker's jobs: a bounded queue in front of a small pool of workers, and a table of
 * job snapshots that forgets the oldest finished jobs beyond a fixed number, so memory stays
 * bounded however long the server runs.
 */
public final class EmbeddedJobBoard implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedJobBoard.class.getName());

  /** What a job says when the location store could not be read. */
  static final String STORE_UNAVAILABLE = "processing failed: the location store is unavailable";

  private final DistanceJobProcessor processor;
  private final Clock clock;
  private final int finishedJobsKept;
  private final Set<String> heldDevices;
  private final ThreadPoolExecutor pool;
  private final ConcurrentHashMap<String, EmbeddedJob> jobs = new ConcurrentHashMap<>();

  public EmbeddedJobBoard(
      DistanceJobProcessor processor,
      Clock clock,
      int workers,
      int queueCapacity,
      int finishedJobsKept) {
    this(processor, clock, workers, queueCapacity, finishedJobsKept, Set.of());
  }

  /**
   * A board whose jobs for one of {@code heldDevices} start at once and stay processing for as long
   * as the board lives (development only: a benchmark's running job, a UI's spinner).
   */
  public EmbeddedJobBoard(
      DistanceJobProcessor processor,
      Clock clock,
      int workers,
      int queueCapacity,
      int finishedJobsKept,
      Set<String> heldDevices) {
    this.processor = processor;
    this.clock = clock;
    this.finishedJobsKept = finishedJobsKept;
    this.heldDevices = Set.copyOf(heldDevices);
    AtomicInteger threadNumber = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            task -> {
              Thread thread = new Thread(task, "embedded-worker-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Queues a job.
   *
   * @throws QueueFullException when the queue already holds its capacity of pending jobs
   */
  public EmbeddedJob submit(LocalDate date, Optional<String> deviceId) {
    EmbeddedJob job =
        EmbeddedJob.queued(UUID.randomUUID().toString(), date, deviceId, clock.instant());
    if (deviceId.filter(heldDevices::contains).isPresent()) {
      EmbeddedJob held = job.started(clock.instant());
      jobs.put(held.jobId(), held);
      return held;
    }
    jobs.put(job.jobId(), job);
    try {
      // The job runs in the submitting call's trace context (extracted from its metadata), so
      // what it logs carries the caller's trace id.
      pool.execute(Context.current().wrap(() -> run(job.jobId())));
    } catch (RejectedExecutionException e) {
      jobs.remove(job.jobId());
      throw new QueueFullException();
    }
    return job;
  }

  public Optional<EmbeddedJob> find(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  /** The jobs that match, newest first. */
  public List<EmbeddedJob> matching(Predicate<EmbeddedJob> filter) {
    return jobs.values().stream()
        .filter(filter)
        .sorted(
            Comparator.comparing(EmbeddedJob::queuedAt)
                .reversed()
                .thenComparing(EmbeddedJob::jobId))
        .toList();
  }

  private void run(String jobId) {
    EmbeddedJob job = jobs.computeIfPresent(jobId, (id, queued) -> queued.started(clock.instant()));
    if (job == null) {
      return;
    }
    EmbeddedJob finished;
    try {
      JobOutcome outcome = processor.process(job.date(), job.deviceId());
      finished = job.completed(outcome, clock.instant());
    } catch (DistanceJobProcessor.NoLocationsException e) {
      finished = job.failed(e.getMessage(), clock.instant());
    } catch (LocationStoreException e) {
      // The message names the store's folder or host: for the log; the job says what failed.
      LOG.warning(() -> "Embedded worker job " + jobId + " failed: " + e.getMessage());
      finished = job.failed(STORE_UNAVAILABLE, clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Embedded worker job " + jobId + " failed", e);
      finished = job.failed("processing failed: " + e.getClass().getSimpleName(), clock.instant());
    }
    jobs.put(jobId, finished);
    evictOldFinishedJobs();
  }

  private void evictOldFinishedJobs() {
    List<EmbeddedJob> finished =
        jobs.values().stream()
            .filter(job -> job.status().isFinished())
            .sorted(
                Comparator.comparing((EmbeddedJob job) -> job.completedAt().orElseThrow())
                    .reversed())
            .toList();
    for (int i = finishedJobsKept; i < finished.size(); i++) {
      jobs.remove(finished.get(i).jobId());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warning("Embedded worker threads did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The queue of pending jobs is full. */
  public static final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QueueFullException() {
      super("job queue is full");
    }
  }
}
