package io.oteldemo.locations;

import io.oteldemo.error.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

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
    return Arrays.stream(values())
        .filter(sort -> sort.wireName.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    field,
                    value,
                    field
                        + " must be one of "
                        + Arrays.stream(values())
                            .map(LocationSort::wireName)
                            .collect(Collectors.joining(", "))));
  }
}
