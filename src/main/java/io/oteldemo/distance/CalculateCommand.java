package io.oteldemo.distance;

import java.time.LocalDate;
import java.util.Optional;

/** A validated request to calculate one day, for one device or (empty) every device. */
public record CalculateCommand(LocalDate date, Optional<String> deviceId) {

  /**
   * What makes two requests the same for idempotency keys: the validated date and device, so member
   * order, white space and unknown members of the body do not matter.
   */
  public String fingerprint() {
    return "date=" + date + ";device_id=" + deviceId.orElse("*");
  }
}
