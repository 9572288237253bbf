package io.oteldemo.locations;

import io.oteldemo.error.ValidationException;

/** Ascending or descending, as {@code asc} and {@code desc} in the API. */
public enum SortOrder {
  ASC("asc"),
  DESC("desc");

  private final String wireName;

  SortOrder(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * The order of this name.
   *
   * @throws ValidationException naming the field
   */
  public static SortOrder parse(String field, String value) {
    for (SortOrder order : values()) {
      if (order.wireName.equals(value)) {
        return order;
      }
    }
    throw new ValidationException(field, value, field + " must be asc or desc");
  }
}
