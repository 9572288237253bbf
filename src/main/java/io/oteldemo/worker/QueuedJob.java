package io.oteldemo.worker;

import java.time.Instant;

/** The worker's answer to a new calculation. */
public record QueuedJob(String jobId, String status, Instant queuedAt) {}
