package io.oteldemo.locations;

import java.util.List;

/**
 * One page of a {@link LocationQuery}.
 *
 * @param locations the page, in the query's order
 * @param total how many locations the query matches, on every page
 */
public record LocationPage(List<LocationRecord> locations, int total) {

  public LocationPage {
    locations = List.copyOf(locations);
  }
}
