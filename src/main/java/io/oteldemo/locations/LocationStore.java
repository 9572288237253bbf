package io.oteldemo.locations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The OwnTracks locations the worker computes from, behind one interface so that the embedded
 * worker, {@code /db/*} and the trace demonstrations read the same store, whichever adapter the
 * operator configured.
 */
public interface LocationStore {

  /** Whether the store answers now, and what it is; never throws for an unreachable store. */
  StoreStatus status();

  /**
   * The day's locations (UTC) of one device, or of every device ({@code deviceId} empty), in time
   * order, a tie ordered by device id. A store without data for the day has none.
   *
   * @throws LocationStoreException when the store cannot be read
   */
  List<LocationRecord> locations(LocalDate day, Optional<String> deviceId);

  /**
   * One page of the locations of the query's devices, in its order, and how many there are in all.
   *
   * @throws LocationStoreException when the store does not answer
   */
  LocationPage page(LocationQuery query);
}
