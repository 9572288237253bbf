package io.oteldemo.embedded;

/**
 * The states of a job of the embedded worker. The server side owns its states, as the Go worker
 * does, and spells out the status strings of the {@code distance.v1} contract itself: the client
 * side ({@code worker}) has its own model of them, and neither depends on the other.
 */
public enum EmbeddedJobStatus {
  QUEUED("queued", false),
  PROCESSING("processing", false),
  COMPLETED("completed", true),
  FAILED("failed", true);

  private final String wireName;
  private final boolean finished;

  EmbeddedJobStatus(String wireName, boolean finished) {
    this.wireName = wireName;
    this.finished = finished;
  }

  /** The status string the contract answers for this state. */
  public String wireName() {
    return wireName;
  }

  public boolean isFinished() {
    return finished;
  }
}
