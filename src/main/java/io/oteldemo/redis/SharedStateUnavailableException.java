package io.oteldemo.redis;

/**
 * Redis could not be used for state the answer depends on (the job registry, idempotency records).
 * Answered 503 with Retry-After by {@code api.SharedStateExceptionMapper}: answering from this
 * instance's memory instead would break the promise every replica makes.
 */
public class SharedStateUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SharedStateUnavailableException(String operation, Throwable cause) {
    super("Redis failed to " + operation + ": " + cause.getMessage(), cause);
  }
}
