package io.oteldemo.jobs;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One user's calculation of one day for one device (or every device). Two jobs of the same slot
 * write the same CSV file, so the API avoids running two of them at once.
 */
public record JobSlot(String owner, LocalDate date, Optional<String> deviceId) {

  /** Stands for "every device"; device ids are letters, digits and underscores only. */
  static final String EVERY_DEVICE = "*";

  /** The slot's name within its owner's keys, e.g. {@code 2026-01-25:iphone_stuart}. */
  String name() {
    return date + ":" + deviceId.orElse(EVERY_DEVICE);
  }
}
