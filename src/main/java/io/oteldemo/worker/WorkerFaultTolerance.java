package io.oteldemo.worker;

/**
 * Every number of the Fault Tolerance annotations around the worker (its gRPC calls, its HTTP
 * downloads), in one place: the annotations name these constants, docs/CONFIGURATION.md and
 * docs/BEHAVIOUR.md document them as the defaults, and a test holds the three together. An operator
 * overrides any of them through Fault Tolerance's own properties, e.g. {@code
 * io.oteldemo.worker.GrpcDistanceWorkerClient/calculate/CircuitBreaker/delay}.
 */
public final class WorkerFaultTolerance {

  /** {@code @Timeout}: a backstop above the default call deadline (30 s), which fires first. */
  public static final long TIMEOUT_MILLIS = 35_000;

  /** {@code @CircuitBreaker}: the window of calls it judges. */
  public static final int BREAKER_VOLUME = 10;

  /** {@code @CircuitBreaker}: the share of counted failures in the window that opens it. */
  public static final double BREAKER_FAILURE_RATIO = 0.5;

  /** {@code @CircuitBreaker}: how long it stays open (also the basis of its Retry-After). */
  public static final long BREAKER_DELAY_MILLIS = 10_000;

  /** {@code @CircuitBreaker}: trial calls that must succeed to close it. */
  public static final int BREAKER_SUCCESSES = 2;

  /** {@code @Retry} of the reads: repeats after an unavailable worker. */
  public static final int RETRIES = 2;

  /** {@code @Retry}: the pause before a repeat, and its jitter. */
  public static final long RETRY_DELAY_MILLIS = 200;

  public static final long RETRY_JITTER_MILLIS = 100;

  /** {@code @Retry}: the longest a call with its repeats may take. */
  public static final long RETRY_MAX_DURATION_MILLIS = 10_000;

  /** {@code @Bulkhead} of the calls that start work (calculate, downloads). */
  public static final int BULKHEAD_WORK = 10;

  /** {@code @Bulkhead} of the reads (status, list). */
  public static final int BULKHEAD_READS = 20;

  private WorkerFaultTolerance() {}
}
