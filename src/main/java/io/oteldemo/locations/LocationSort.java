package io.oteldemo.locations;

import io.oteldemo.error.ValidationException;
import io.oteldemo.error.WireNames;

/** The columns a page of locations can be ordered by, under their names in the API. */
public enum LocationSort {
  CREATED_AT("created_at"),
  LATITUDE("latitude"),
  LONGITUDE("longitude"),
  ACCURACY("accuracy"),
  ALTITUDE("altitude"),
  VELOCITY("velocity"),
  BATTERY("battery");

  private final String wireName;

  LocationSort(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * The column of this name.
   *
   * @throws ValidationException naming the field and the allowed names
   */
  public static LocationSort parse(String field, String value) {
    return WireNames.parse(field, value, values(), LocationSort::wireName);
  }
}
