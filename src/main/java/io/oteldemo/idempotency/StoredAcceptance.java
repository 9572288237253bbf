package io.oteldemo.idempotency;

import java.time.Instant;

/**
 * The 202 answer kept for a key, to be given again to its retries: the job, its status when it was
 * accepted, when it was queued and where to poll it. The trace id is not kept: a replay carries its
 * own request's.
 */
public record StoredAcceptance(String jobId, String status, Instant queuedAt, String statusUrl) {}
