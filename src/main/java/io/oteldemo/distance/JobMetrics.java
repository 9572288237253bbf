package io.oteldemo.distance;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.jobs.JobFinished;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs' metrics (docs/METRICS.md): what became of each {@code POST /calculate}, and each job's
 * end as we first see it ({@link JobFinished}). Every attribute set is built once, so recording is
 * an add on a precomputed key.
 */
@ApplicationScoped
public class JobMetrics {

  static final String SUBMITTED = "distance.jobs.submitted";
  static final String FINISHED = "distance.jobs.finished";
  static final String DURATION = "distance.jobs.duration";

  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");

  /** Seconds from queued to finished: a day's file takes seconds, a worker's backlog minutes. */
  private static final List<Double> DURATION_BUCKETS =
      List.of(0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0);

  /** How a submission that got its 202 was answered. */
  public enum Submission {
    ACCEPTED,
    REPLAYED,
    COALESCED;

    final Attributes attributes = Attributes.of(OUTCOME, name().toLowerCase(java.util.Locale.ROOT));
  }

  private static final Map<ErrorCode, Attributes> REJECTED = new EnumMap<>(ErrorCode.class);

  static {
    for (ErrorCode code : ErrorCode.values()) {
      REJECTED.put(code, Attributes.of(OUTCOME, "rejected", REASON, code.attributeValue()));
    }
  }

  private static final Attributes COMPLETED = Attributes.of(STATUS, "completed");
  private static final Attributes FAILED = Attributes.of(STATUS, "failed");

  @Inject OpenTelemetry openTelemetry;

  private LongCounter submitted;
  private LongCounter finished;
  private DoubleHistogram duration;

  public JobMetrics() {}

  JobMetrics(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    init();
  }

  @PostConstruct
  void init() {
    Meter meter = openTelemetry.getMeter("io.oteldemo");
    submitted =
        meter
            .counterBuilder(SUBMITTED)
            .setUnit("{job}")
            .setDescription("POST /calculate answers: accepted, replayed, coalesced or rejected")
            .build();
    finished =
        meter
            .counterBuilder(FINISHED)
            .setUnit("{job}")
            .setDescription("Jobs first seen completed or failed")
            .build();
    duration =
        meter
            .histogramBuilder(DURATION)
            .setUnit("s")
            .setDescription("Time from queued to finished of the jobs first seen finished")
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
  }

  public void submitted(Submission submission) {
    submitted.add(1, submission.attributes);
  }

  public void rejected(ErrorCode code) {
    submitted.add(1, REJECTED.get(code));
  }

  /** Fired once per job, by the replica that kept its final view first. */
  void finished(@Observes JobFinished job) {
    Attributes status = "completed".equals(job.status()) ? COMPLETED : FAILED;
    finished.add(1, status);
    if (job.queuedAt() != null && job.finishedAt() != null) {
      Duration queuedToFinished = Duration.between(job.queuedAt(), job.finishedAt());
      duration.record(Math.max(0, queuedToFinished.toNanos()) / 1e9, status);
    }
  }
}
