package io.oteldemo.error;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rule for parameters that name one of a fixed set (a status, a sort column), so that every
 * endpoint refuses them alike: the constant of that name, or 400 naming the field and every name it
 * may take.
 */
public final class WireNames {

  private WireNames() {}

  /**
   * The constant whose name in the API ({@code wireName}) is {@code value}.
   *
   * @throws ValidationException naming the field and the allowed names, in their declared order
   */
  public static <E extends Enum<E>> E parse(
      String field, String value, E[] constants, Function<E, String> wireName) {
    return Arrays.stream(constants)
        .filter(constant -> wireName.apply(constant).equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    field,
                    value,
                    field
                        + " must be one of "
                        + Arrays.stream(constants)
                            .map(wireName)
                            .collect(Collectors.joining(", "))));
  }
}
