package io.oteldemo.jobs;

import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobResult;
import java.time.Instant;
import java.util.Optional;

/** Final views of jobs as the worker reports them, for the registry tests. */
public final class FinalViews {

  private static final Instant QUEUED = Instant.parse("2026-01-26T08:00:00.123456789Z");

  private FinalViews() {}

  /** A completed job with every member set, awkward numbers included. */
  public static WorkerJob completed(String jobId) {
    return new WorkerJob(
        jobId,
        "completed",
        QUEUED,
        Optional.of(QUEUED.plusMillis(5)),
        Optional.of(QUEUED.plusMillis(17)),
        Optional.empty(),
        Optional.of(
            new WorkerJobResult(
                "/data/csv/distance_20260125_iphone_stuart.csv",
                2318.6700000000001,
                78,
                58.35,
                0.0004,
                "2026-01-25",
                "iphone_stuart",
                12)));
  }

  public static WorkerJob failed(String jobId) {
    return new WorkerJob(
        jobId,
        "failed",
        QUEUED,
        Optional.of(QUEUED.plusMillis(5)),
        Optional.of(QUEUED.plusMillis(6)),
        Optional.of("no locations found for date 2026-01-20 — \"quoted\""),
        Optional.empty());
  }

  public static WorkerJob running(String jobId) {
    return new WorkerJob(
        jobId,
        "processing",
        QUEUED,
        Optional.of(QUEUED.plusMillis(5)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
