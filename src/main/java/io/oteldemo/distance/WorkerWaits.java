package io.oteldemo.distance;

import io.oteldemo.idempotency.IdempotencyStoreProducer;
import io.oteldemo.worker.WorkerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;

/**
 * How long the marks of a calculate request outlive the worker call they guard, derived from the
 * worker's deadline in one place. The idempotency store takes its in-flight time from here as a
 * named {@link Duration}, so it needs to know nothing of the worker.
 */
@ApplicationScoped
public class WorkerWaits {

  /** An idempotency key stays in flight for at most one worker call and a little. */
  static final int IN_FLIGHT_TIMEOUTS_PER_CALL = 2;

  /** The slot lock outlives the worker call it guards. */
  static final int LOCK_TIMEOUTS_PER_CALL = 2;

  @Inject WorkerSettings worker;

  /** Waits derived from the given worker settings, e.g. by tests. */
  static WorkerWaits of(WorkerSettings worker) {
    WorkerWaits waits = new WorkerWaits();
    waits.worker = worker;
    return waits;
  }

  /** How long an idempotency key's in-flight mark lasts. */
  @Produces
  @Named(IdempotencyStoreProducer.KEY_IN_FLIGHT)
  public Duration keyInFlight() {
    return worker.outlasting(IN_FLIGHT_TIMEOUTS_PER_CALL);
  }

  /** How long a job slot's lock is held at most. */
  Duration slotLock() {
    return worker.outlasting(LOCK_TIMEOUTS_PER_CALL);
  }
}
