package io.oteldemo.embedded;

import java.nio.file.Path;

/** What processing a job produced: its CSV and metrics, and how long it took. */
public record JobOutcome(Path csvPath, DistanceSummary summary, long processingTimeMs) {}
