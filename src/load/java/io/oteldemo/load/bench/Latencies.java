package io.oteldemo.load.bench;

import java.util.Arrays;

/** Every recorded latency, kept whole, so percentiles are exact (nearest rank), not estimated. */
final class Latencies {

  private long[] nanos = new long[1 << 16];
  private int count;

  void record(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  int count() {
    return count;
  }

  /** All samples of several recorders, sorted. */
  static Latencies merge(Iterable<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies part : parts) {
      for (int i = 0; i < part.count; i++) {
        all.record(part.nanos[i]);
      }
    }
    Arrays.sort(all.nanos, 0, all.count);
    return all;
  }

  /** The nearest-rank percentile of sorted samples, in milliseconds. */
  double percentileMillis(double percentile) {
    if (count == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * count);
    return nanos[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
  }

  double maxMillis() {
    return count == 0 ? Double.NaN : nanos[count - 1] / 1e6;
  }
}
