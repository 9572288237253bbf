package io.oteldemo.distance;

import io.oteldemo.redis.SharedStateUnavailableException;

/**
 * The worker queued the job but Redis refused to register it; {@link JobRecorder} goes on trying.
 * Answered 503 like any Redis failure, but the request's idempotency key must not be released: the
 * job exists, and a retry must find it rather than queue another.
 */
public class JobNotRecordedException extends SharedStateUnavailableException {

  private static final long serialVersionUID = 1L;

  JobNotRecordedException(SharedStateUnavailableException cause) {
    super("register a queued job, which is registered later", cause);
  }
}
