package io.oteldemo.locations;

/**
 * The OwnTracks locations the worker computes from, behind one interface so that the embedded
 * worker, {@code /db/*} and the trace demonstrations read the same store, whichever adapter the
 * operator configured.
 */
public interface LocationStore {

  /** Whether the store answers now, and what it is; never throws for an unreachable store. */
  StoreStatus status();
}
