package io.oteldemo.embedded;

import java.util.Locale;

/**
 * The states of a job of the embedded worker. The worker's server side owns its own states, as
 * the Go worker does: it shares only the wire names of the contract with the client side.
 */
public enum EmbeddedJobStatus {
  QUEUED,
  PROCESSING,
  COMPLETED,
  FAILED;

  /** The name of the state on the wire ({@code distance.v1}'s status strings). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinished() {
    return this == COMPLETED || this == FAILED;
  }
}
