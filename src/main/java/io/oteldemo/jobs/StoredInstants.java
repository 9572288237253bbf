package io.oteldemo.jobs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants a job record stores, as {@link Instant#toString()} wrote them ({@code
 * 2026-01-25T10:15:30.123456Z}), without the general ISO-8601 parser: every job read parses two to
 * five of them, and {@link Instant#parse} was 3 % of a read's CPU. Anything not in exactly that
 * form (another year width, an offset, a leap second, an impossible date) goes to {@link
 * Instant#parse}, which decides as it always did.
 */
final class StoredInstants {

  /** {@code uuuu-MM-ddTHH:mm:ss}, then an optional fraction, then {@code Z}. */
  private static final int SECONDS_END = 19;

  private StoredInstants() {}

  static Instant parse(String text) {
    Instant instant = text.length() > SECONDS_END ? fast(text) : null;
    return instant != null ? instant : Instant.parse(text);
  }

  /** The instant, or null when the text is not in {@link Instant#toString()}'s usual form. */
  private static Instant fast(String text) {
    int fractionDigits = text.length() - SECONDS_END - 2;
    if (!shape(text) || text.charAt(text.length() - 1) != 'Z') {
      return null;
    }
    if (fractionDigits >= 0 && !fraction(text, fractionDigits)) {
      return null;
    }
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      long day =
          LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)).toEpochDay();
      long nanos =
          fractionDigits > 0
              ? number(text, SECONDS_END + 1, fractionDigits) * scale(fractionDigits)
              : 0;
      return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException impossibleDate) {
      return null;
    }
  }

  private static boolean shape(String text) {
    return digits(text, 0, 4)
        && text.charAt(4) == '-'
        && digits(text, 5, 2)
        && text.charAt(7) == '-'
        && digits(text, 8, 2)
        && text.charAt(10) == 'T'
        && digits(text, 11, 2)
        && text.charAt(13) == ':'
        && digits(text, 14, 2)
        && text.charAt(16) == ':'
        && digits(text, 17, 2);
  }

  /** Milli-, micro- or nanoseconds, as {@link Instant#toString()} writes a fraction. */
  private static boolean fraction(String text, int fractionDigits) {
    return text.charAt(SECONDS_END) == '.'
        && (fractionDigits == 3 || fractionDigits == 6 || fractionDigits == 9)
        && digits(text, SECONDS_END + 1, fractionDigits);
  }

  private static boolean digits(String text, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static long scale(int fractionDigits) {
    long scale = 1;
    for (int i = fractionDigits; i < 9; i++) {
      scale *= 10;
    }
    return scale;
  }
}
