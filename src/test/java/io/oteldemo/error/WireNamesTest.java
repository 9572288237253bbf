package io.oteldemo.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireNamesTest {

  private enum Colour {
    DARK_RED,
    GREEN;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Test
  void theConstantOfThatNameIsRead() {
    assertEquals(
        Colour.DARK_RED, WireNames.parse("colour", "dark_red", Colour.values(), Colour::wireName));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DARK_RED", "Green", "blue", "", " green"})
  void anyOtherSpellingIsRefusedNamingTheFieldAndEveryName(String value) {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () -> WireNames.parse("colour", value, Colour.values(), Colour::wireName));

    assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
    assertEquals("colour must be one of dark_red, green", refused.getMessage());
  }
}
