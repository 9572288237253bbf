package io.oteldemo.worker;

/**
 * A circuit breaker's state as far as its calls show it. Refused calls show it open; the first call
 * let through after that is the half-open trial; {@code successThreshold} successes in a row then
 * close it, and a counted failure opens it again. While closed, a counted failure may or may not
 * have opened it: that is learnt from the next refusal, never guessed.
 */
final class InferredCircuit {

  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final String name;
  private final long successThreshold;
  private volatile State state = State.CLOSED;
  private long trialSuccesses;

  InferredCircuit(String name, long successThreshold) {
    this.name = name;
    this.successThreshold = Math.max(1, successThreshold);
  }

  String name() {
    return name;
  }

  State state() {
    return state;
  }

  synchronized void refused() {
    state = State.OPEN;
    trialSuccesses = 0;
  }

  /** A failure the breaker counts. */
  void failed() {
    if (state == State.CLOSED) {
      return;
    }
    synchronized (this) {
      state = State.OPEN;
      trialSuccesses = 0;
    }
  }

  /** A call that ended in a way the breaker counts as a success. */
  void succeeded() {
    if (state == State.CLOSED) {
      return;
    }
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      trialSuccesses++;
      state = trialSuccesses >= successThreshold ? State.CLOSED : State.HALF_OPEN;
      if (state == State.CLOSED) {
        trialSuccesses = 0;
      }
    }
  }
}
