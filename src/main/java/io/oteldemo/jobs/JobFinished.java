package io.oteldemo.jobs;

import java.time.Instant;

/**
 * A CDI event: a job was seen completed or failed for the first time, and its final view is now
 * kept. Fired once per job, by whichever replica kept it first.
 *
 * @param status {@code completed} or {@code failed}
 * @param queuedAt when the worker queued the job
 * @param finishedAt when the worker says it ended
 */
public record JobFinished(String status, Instant queuedAt, Instant finishedAt) {}
