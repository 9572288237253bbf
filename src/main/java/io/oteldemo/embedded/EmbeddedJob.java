package io.oteldemo.embedded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** An immutable snapshot of one job of the embedded worker; each transition makes a new one. */
public record EmbeddedJob(
    String jobId,
    LocalDate date,
    Optional<String> deviceId,
    EmbeddedJobStatus status,
    Instant queuedAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt,
    Optional<String> errorMessage,
    Optional<JobOutcome> outcome) {

  static EmbeddedJob queued(String jobId, LocalDate date, Optional<String> deviceId, Instant now) {
    return new EmbeddedJob(
        jobId,
        date,
        deviceId,
        EmbeddedJobStatus.QUEUED,
        now,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  EmbeddedJob started(Instant now) {
    return new EmbeddedJob(
        jobId,
        date,
        deviceId,
        EmbeddedJobStatus.PROCESSING,
        queuedAt,
        Optional.of(now),
        completedAt,
        errorMessage,
        outcome);
  }

  EmbeddedJob completed(JobOutcome result, Instant now) {
    return new EmbeddedJob(
        jobId,
        date,
        deviceId,
        EmbeddedJobStatus.COMPLETED,
        queuedAt,
        startedAt,
        Optional.of(now),
        Optional.empty(),
        Optional.of(result));
  }

  EmbeddedJob failed(String message, Instant now) {
    return new EmbeddedJob(
        jobId,
        date,
        deviceId,
        EmbeddedJobStatus.FAILED,
        queuedAt,
        startedAt,
        Optional.of(now),
        Optional.of(message),
        Optional.empty());
  }
}
