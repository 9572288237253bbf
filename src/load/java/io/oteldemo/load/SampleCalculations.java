package io.oteldemo.load;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calculation bodies over the synthetic sample store (sample-data/owntracks): only days a device
 * has locations for, so every job does real work, completes and produces a CSV.
 */
public final class SampleCalculations {

  /** Every (date, device) with locations; a null device asks for every device that day. */
  private static final List<Day> DAYS =
      List.of(
          day("2026-01-23", "iphone_stuart"),
          day("2026-01-24", "iphone_stuart"),
          day("2026-01-25", "iphone_stuart"),
          day("2026-01-26", "iphone_stuart"),
          day("2026-01-24", "ipad_stuart"),
          day("2026-01-25", "ipad_stuart"),
          day("2026-01-24", "pixel_alex"),
          day("2026-01-25", "pixel_alex"),
          day("2026-01-26", "pixel_alex"),
          day("2026-01-23", null),
          day("2026-01-24", null),
          day("2026-01-25", null),
          day("2026-01-26", null));

  private SampleCalculations() {}

  private record Day(String date, String device) {}

  private static Day day(String date, String device) {
    return new Day(date, device);
  }

  /** A random day of the store, for one device or every device. */
  public static String randomBody() {
    Day day = DAYS.get(ThreadLocalRandom.current().nextInt(DAYS.size()));
    return day.device() == null
        ? "{\"date\":\"" + day.date() + "\"}"
        : "{\"date\":\"" + day.date() + "\",\"device_id\":\"" + day.device() + "\"}";
  }
}
