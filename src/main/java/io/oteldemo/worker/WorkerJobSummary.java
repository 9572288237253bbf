package io.oteldemo.worker;

import java.time.Instant;
import java.util.Optional;

/** One line of the worker's job list. An empty device id means "all devices". */
public record WorkerJobSummary(
    String jobId,
    String status,
    String date,
    String deviceId,
    Instant queuedAt,
    Optional<Instant> completedAt) {}
