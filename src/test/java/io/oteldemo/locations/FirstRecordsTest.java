package io.oteldemo.locations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bounded heap against the plain answer: sort everything, then cut. */
class FirstRecordsTest {

  @ParameterizedTest(name = "{0} records, first {1}, from {2}")
  @CsvSource({"0,5,0", "3,5,0", "200,25,0", "200,25,20", "200,1,0", "200,200,150", "50,60,55"})
  void keepsExactlyWhatAFullSortWouldPutFirst(int records, int capacity, int offset) {
    Random random = new Random(records * 31L + capacity);
    List<LocationRecord> all = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      // Few distinct batteries, so that many records tie on the column.
      all.add(record(i, random.nextInt(5), random.nextBoolean() ? 0 : random.nextInt(9)));
    }
    Comparator<LocationRecord> order = RecorderOrder.of(LocationSort.BATTERY, SortOrder.DESC);
    FirstRecords first = new FirstRecords(order, capacity);
    all.forEach(first::add);

    List<LocationRecord> sorted = all.stream().sorted(order).toList();
    List<LocationRecord> expected =
        sorted.subList(Math.min(offset, sorted.size()), Math.min(capacity, sorted.size()));
    assertEquals(expected, first.from(offset));
    assertEquals(records, first.seen(), "every record counted");
  }

  private static LocationRecord record(long id, int battery, int accuracy) {
    return new LocationRecord(
        id * 7919 % 1000,
        Instant.parse("2026-01-25T00:00:00Z").plusSeconds(id),
        "device_" + id % 3,
        Optional.empty(),
        new GeoPoint(40, -74),
        accuracy == 0 ? OptionalInt.empty() : OptionalInt.of(accuracy),
        OptionalDouble.empty(),
        OptionalInt.of(battery),
        OptionalInt.empty());
  }
}
