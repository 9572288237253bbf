package io.oteldemo.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the gateway asked the worker for, remembered because the worker does not say it back, and
 * for whom: {@code owner} is the token's {@code sub}, so a user sees only their own jobs.
 */
public record RegisteredJob(
    String jobId, String owner, LocalDate date, Optional<String> deviceId, Instant registeredAt) {

  /** The user's calculation this job is for, as duplicate detection compares them. */
  public JobSlot slot() {
    return new JobSlot(owner, date, deviceId);
  }
}
