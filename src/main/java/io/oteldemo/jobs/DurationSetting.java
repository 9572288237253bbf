package io.oteldemo.jobs;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A duration setting, written as operators write them: an ISO-8601 duration ({@code PT24H}, {@code
 * P2D}) or a whole number of seconds ({@code 86400}). A setting that is not one, or is not
 * positive, stops the application at start with a message naming it.
 */
public final class DurationSetting {

  private DurationSetting() {}

  public static Duration parse(String name, String value) {
    String text = value == null ? "" : value.trim();
    Duration duration;
    try {
      duration =
          text.matches("\\d{1,12}")
              ? Duration.ofSeconds(Long.parseLong(text))
              : Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          name
              + " '"
              + value
              + "' is neither an ISO-8601 duration"
              + " such as PT24H nor a number of seconds");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalStateException(name + " '" + value + "' must be longer than zero");
    }
    return duration;
  }
}
