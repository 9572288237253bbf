package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailModeTest {

  @Test
  void lowerCaseOpenParses() {
    assertEquals(FailMode.OPEN, FailMode.parse("open"), "expected \"open\" to be OPEN");
  }

  @Test
  void upperCaseClosedParses() {
    assertEquals(FailMode.CLOSED, FailMode.parse("CLOSED"), "expected \"CLOSED\" to be CLOSED");
  }

  @Test
  void blanksAroundTheValueAreIgnored() {
    assertEquals(FailMode.CLOSED, FailMode.parse(" closed "), "expected \" closed \" to be CLOSED");
    assertEquals(FailMode.OPEN, FailMode.parse("\tOpen\n"), "expected \"\\tOpen\\n\" to be OPEN");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"maybe", "", "  ", "opened", "close"})
  void anythingElseIsRefusedNamingTheSetting(String value) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FailMode.parse(value),
            "expected '" + value + "' to be refused");
    assertTrue(
        e.getMessage().contains("RATE_LIMIT_FAIL_MODE"),
        "expected the message to name RATE_LIMIT_FAIL_MODE: " + e.getMessage());
  }
}
