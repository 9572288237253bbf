package io.oteldemo.worker;

import java.time.Instant;
import java.util.Optional;

/** A job's state as the worker reports it; optional parts are empty until they exist. */
public record WorkerJob(
    String jobId,
    String status,
    Instant queuedAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt,
    Optional<String> errorMessage,
    Optional<WorkerJobResult> result) {}
