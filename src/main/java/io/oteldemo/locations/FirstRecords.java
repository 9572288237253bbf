package io.oteldemo.locations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code capacity} records of a stream of any length in an order, and how many the stream
 * had: a page without holding the whole store. Keeps a heap whose head is the last record kept, so
 * each record costs O(log capacity).
 */
final class FirstRecords {

  private final Comparator<LocationRecord> order;
  private final int capacity;
  private final PriorityQueue<LocationRecord> kept;
  private int seen;

  FirstRecords(Comparator<LocationRecord> order, int capacity) {
    this.order = order;
    this.capacity = capacity;
    this.kept = new PriorityQueue<>(order.reversed());
  }

  void add(LocationRecord record) {
    seen++;
    if (kept.size() < capacity) {
      kept.add(record);
    } else if (order.compare(record, kept.peek()) < 0) {
      kept.poll();
      kept.add(record);
    }
  }

  /** Every record seen, kept or not. */
  int seen() {
    return seen;
  }

  /** The kept records in order, from the {@code offset}-th (0-based) on. */
  List<LocationRecord> from(int offset) {
    List<LocationRecord> sorted = new ArrayList<>(kept);
    sorted.sort(order);
    return offset >= sorted.size() ? List.of() : sorted.subList(offset, sorted.size());
  }
}
