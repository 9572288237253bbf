package io.oteldemo.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What the gateway asked the worker for, remembered because the worker does not say it back. */
public record RegisteredJob(
    String jobId, LocalDate date, Optional<String> deviceId, Instant registeredAt) {}
