package io.oteldemo.locations;

import io.oteldemo.deviceaccess.DeviceScope;

/**
 * Which locations a page holds: those of some devices, ordered by one column (ties broken by the
 * record's id, then device and time, so pages do not overlap or skip), from {@code offset}, at most
 * {@code limit} of them.
 */
public record LocationQuery(
    DeviceScope devices, LocationSort sort, SortOrder order, int limit, int offset) {

  public LocationQuery {
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException(
          "A page needs a limit >= 1 and an offset >= 0, not " + limit + " and " + offset);
    }
  }
}
