package io.oteldemo.distance;

import io.oteldemo.idempotency.IdempotencyClaim;
import io.oteldemo.idempotency.IdempotencyStore;
import io.oteldemo.idempotency.StoredAcceptance;
import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.jobs.RegisteredJob;
import io.oteldemo.redis.SharedStateUnavailableException;
import io.oteldemo.telemetry.TraceIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a job the worker has accepted visible to its owner: registers it, then stores the
 * idempotency key's answer. The worker names the job, so it runs before anything about it can be
 * written, and it cannot be withdrawn. When Redis fails at that moment, the rest is finished here
 * in the background, with growing pauses, for as long as the key's in-flight mark lasts:
 *
 * <ul>
 *   <li>registration failed: the client gets 503 ({@link JobNotRecordedException}); the key stays
 *       in flight (a retry gets 409), then replays the job once it is recorded, and the job appears
 *       in the owner's list. The key is never released, so no retry queues a second job;
 *   <li>only the key's answer failed: the job is registered, so the client gets 202; a retry with
 *       the key gets 409 until the answer is stored, then the job.
 * </ul>
 */
@ApplicationScoped
public class JobRecorder {

  private static final Logger LOG = Logger.getLogger(JobRecorder.class.getName());

  static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  @Inject JobRegistry registry;
  @Inject IdempotencyStore idempotency;

  /** Background work lasts as long as the key's in-flight mark: no later retry waits for it. */
  @Inject WorkerWaits waits;

  Clock clock = Clock.systemUTC();
  Scheduler scheduler;
  private ScheduledExecutorService background;

  /** Runs a task after a pause; the tests run them by hand. */
  interface Scheduler {
    void schedule(Runnable task, Duration after);
  }

  @PostConstruct
  void start() {
    background =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "otel-demo-job-recorder");
              thread.setDaemon(true);
              return thread;
            });
    scheduler = (task, after) -> background.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }

  /** The answer a key stores for a job, and the key's claim. */
  public record KeyAnswer(IdempotencyClaim claim, StoredAcceptance answer) {}

  /**
   * Registers the job and stores the key's answer, if any.
   *
   * @throws JobNotRecordedException when the job could not be registered now; it will be
   */
  public void record(RegisteredJob job, Optional<KeyAnswer> key) {
    Instant deadline = clock.instant().plus(waits.keyInFlight());
    Pending pending = new Pending(job, key, deadline);
    try {
      registry.register(job);
    } catch (SharedStateUnavailableException e) {
      later(pending, FIRST_PAUSE);
      throw new JobNotRecordedException(e);
    }
    pending.registered = true;
    try {
      key.ifPresent(this::store);
    } catch (SharedStateUnavailableException e) {
      LOG.warning(
          () ->
              "The answer of an idempotency key is stored later: "
                  + e.getMessage()
                  + " "
                  + TraceIds.logTag());
      later(pending, FIRST_PAUSE);
    }
  }

  private void store(KeyAnswer key) {
    idempotency.complete(key.claim(), key.answer());
  }

  private void later(Pending pending, Duration pause) {
    scheduler.schedule(() -> retry(pending, pause), pause);
  }

  /** One more attempt; on failure another, after a longer pause, until the deadline. */
  void retry(Pending pending, Duration pause) {
    try {
      if (!pending.registered) {
        registry.register(pending.job);
        pending.registered = true;
      }
      pending.key.ifPresent(this::store);
      LOG.info(() -> "Job " + pending.job.jobId() + " recorded after a Redis failure");
    } catch (RuntimeException e) {
      Duration next =
          pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
              ? LONGEST_PAUSE
              : pause.multipliedBy(2);
      if (clock.instant().plus(next).isAfter(pending.deadline)) {
        LOG.log(
            Level.SEVERE,
            "Job "
                + pending.job.jobId()
                + " runs on the worker but could not be"
                + (pending.registered ? " answered for its idempotency key" : " registered")
                + " before "
                + pending.deadline
                + "; giving up",
            e);
        return;
      }
      later(pending, next);
    }
  }

  /** What is left to write about one job; only the background thread changes it. */
  static final class Pending {
    final RegisteredJob job;
    final Optional<KeyAnswer> key;
    final Instant deadline;
    volatile boolean registered;

    Pending(RegisteredJob job, Optional<KeyAnswer> key, Instant deadline) {
      this.job = job;
      this.key = key;
      this.deadline = deadline;
    }
  }
}
