package io.oteldemo.error;

/**
 * The rule for whole-number parameters (limits, offsets), so that every endpoint refuses them
 * alike: a number in the range, or 400 naming the field and the range.
 */
public final class WholeNumbers {

  private WholeNumbers() {}

  /**
   * The number in {@code value}, from {@code min} to {@code max} inclusive.
   *
   * @throws ValidationException naming the field, for a value that is no whole number or out of
   *     range
   */
  public static int parse(String field, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below, like an out-of-range number
    }
    String range =
        max == Integer.MAX_VALUE
            ? "a whole number >= " + min
            : "a whole number from " + min + " to " + max;
    throw new ValidationException(field, value, field + " must be " + range);
  }
}
