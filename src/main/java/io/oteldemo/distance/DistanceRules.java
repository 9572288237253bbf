package io.oteldemo.distance;

import io.oteldemo.deviceaccess.DeviceIds;
import io.oteldemo.error.ValidationException;
import io.oteldemo.error.WholeNumbers;
import io.oteldemo.error.WireNames;
import io.oteldemo.worker.JobStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** The API's input rules, shared by every endpoint; each violation names its field. */
public final class DistanceRules {

  static final int MAX_LIMIT = 500;
  static final int DEFAULT_LIMIT = 50;

  private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter STRICT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final int JOB_ID_LENGTH = 36;

  private final Clock clock;

  public DistanceRules(Clock clock) {
    this.clock = clock;
  }

  /** A real calendar date in YYYY-MM-DD, not after today (UTC). */
  public LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, value, field + " is required (format YYYY-MM-DD)");
    }
    LocalDate date = calendarDate(field, value);
    if (date.isAfter(LocalDate.now(clock))) {
      throw new ValidationException(
          field,
          value,
          field + " must not be in the future (today is " + LocalDate.now(clock) + " UTC)");
    }
    return date;
  }

  /** An optional date filter: any real calendar date in YYYY-MM-DD. */
  public Optional<LocalDate> dateFilter(String field, String value) {
    return value == null || value.isEmpty()
        ? Optional.empty()
        : Optional.of(calendarDate(field, value));
  }

  private static LocalDate calendarDate(String field, String value) {
    if (!DATE_SHAPE.matcher(value).matches()) {
      throw new ValidationException(field, value, field + " must use the format YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(value, STRICT_DATE);
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          field, value, field + " must be a real calendar date in the format YYYY-MM-DD");
    }
  }

  /** An optional device id: letters, digits and underscores, 1 to 64 of them. */
  public Optional<String> deviceId(String field, String value) {
    return DeviceIds.optional(field, value);
  }

  /**
   * An optional device filter. Unlike the other filters an empty value is refused: "every device"
   * is a job of its own, so {@code device_id=} would be read as one thing or the other.
   */
  public Optional<String> deviceIdFilter(String field, String value) {
    return deviceId(field, value);
  }

  public Optional<JobStatus> status(String field, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(WireNames.parse(field, value, JobStatus.values(), JobStatus::wireName));
  }

  public int limit(String field, String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    return WholeNumbers.parse(field, value, 1, MAX_LIMIT);
  }

  public int offset(String field, String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    return WholeNumbers.parse(field, value, 0, Integer.MAX_VALUE);
  }

  /**
   * Whether a job id can exist at all; the worker's ids are UUIDs: 8-4-4-4-12 ASCII hex digits.
   * Checked by hand, as every job read asks (the pattern's matcher was 1 % of a read's CPU).
   */
  public static boolean isJobId(String value) {
    if (value == null || value.length() != JOB_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < JOB_ID_LENGTH; i++) {
      char c = value.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !HexFormat.isHexDigit(c)) {
        return false;
      }
    }
    return true;
  }
}
