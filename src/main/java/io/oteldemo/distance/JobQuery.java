package io.oteldemo.distance;

import io.oteldemo.worker.JobStatus;
import java.time.LocalDate;
import java.util.Optional;

/** The validated filters and page of {@code GET /jobs}. */
public record JobQuery(
    Optional<JobStatus> status,
    Optional<LocalDate> date,
    Optional<String> deviceId,
    int limit,
    int offset) {}
