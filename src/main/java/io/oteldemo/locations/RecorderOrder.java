package io.oteldemo.locations;

import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The order of a page of Recorder records, as a database would sort them: by the column, a missing
 * value after every value when ascending and before when descending (PostgreSQL's default), then by
 * id, device and time in the same direction, so that no two different records tie and pages neither
 * overlap nor skip.
 */
final class RecorderOrder {

  private RecorderOrder() {}

  static Comparator<LocationRecord> of(LocationSort sort, SortOrder order) {
    Comparator<LocationRecord> ascending =
        column(sort)
            .thenComparingLong(LocationRecord::id)
            .thenComparing(LocationRecord::deviceId)
            .thenComparing(LocationRecord::timestamp);
    return order == SortOrder.ASC ? ascending : ascending.reversed();
  }

  private static Comparator<LocationRecord> column(LocationSort sort) {
    return switch (sort) {
      case CREATED_AT -> Comparator.comparing(LocationRecord::timestamp);
      case LATITUDE -> Comparator.comparingDouble(record -> record.position().latitude());
      case LONGITUDE -> Comparator.comparingDouble(record -> record.position().longitude());
      case ACCURACY -> integers(LocationRecord::accuracy);
      case ALTITUDE -> doubles(LocationRecord::altitude);
      case VELOCITY -> integers(LocationRecord::velocity);
      case BATTERY -> integers(LocationRecord::battery);
    };
  }

  private static Comparator<LocationRecord> integers(Function<LocationRecord, OptionalInt> field) {
    return doubles(
        record -> {
          OptionalInt value = field.apply(record);
          return value.isPresent() ? OptionalDouble.of(value.getAsInt()) : OptionalDouble.empty();
        });
  }

  /** Missing sorts as larger than any value. */
  private static Comparator<LocationRecord> doubles(
      Function<LocationRecord, OptionalDouble> field) {
    return (a, b) -> {
      OptionalDouble x = field.apply(a);
      OptionalDouble y = field.apply(b);
      if (x.isPresent() && y.isPresent()) {
        return Double.compare(x.getAsDouble(), y.getAsDouble());
      }
      return Boolean.compare(x.isEmpty(), y.isEmpty());
    };
  }
}
