package io.oteldemo.locations;

import io.oteldemo.deviceaccess.DeviceScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How many locations each set of devices has, counted at most once per {@link #TTL} per set: a
 * client paging through the store costs one count, not one per page. A page's total may therefore
 * lag the table by up to that long. Bounded: the least recently used sets are forgotten.
 */
final class PageCounts {

  static final Duration TTL = Duration.ofSeconds(30);
  static final int MAX_ENTRIES = 256;

  private record Counted(int total, Instant at) {}

  private final Clock clock;
  private final Map<DeviceScope, Counted> counts =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<DeviceScope, Counted> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  PageCounts(Clock clock) {
    this.clock = clock;
  }

  /** The devices' count, from {@code counter} when not counted within the TTL. */
  int total(DeviceScope devices, ToIntFunction<DeviceScope> counter) {
    Instant now = clock.instant();
    synchronized (counts) {
      Counted counted = counts.get(devices);
      if (counted != null && counted.at().plus(TTL).isAfter(now)) {
        return counted.total();
      }
    }
    int total = counter.applyAsInt(devices);
    synchronized (counts) {
      counts.put(devices, new Counted(total, now));
    }
    return total;
  }
}
