package io.oteldemo.worker;

import java.util.Locale;
import java.util.Optional;

/** The states of a distance job, as the worker names them on the wire. */
public enum JobStatus {
  QUEUED,
  PROCESSING,
  COMPLETED,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinished() {
    return this == COMPLETED || this == FAILED;
  }

  public static Optional<JobStatus> fromWire(String value) {
    for (JobStatus status : values()) {
      if (status.wireName().equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
