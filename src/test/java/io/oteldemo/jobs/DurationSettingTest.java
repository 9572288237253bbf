package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationSettingTest {

  @ParameterizedTest
  @CsvSource({
    "PT24H, 86400",
    "86400, 86400",
    "' PT1H ', 3600",
    "p2d, 172800",
    "PT1.5S, 1.5",
    "1, 1"
  })
  void isoDurationsAndSecondsAreAccepted(String value, double seconds) {
    assertEquals(
        Duration.ofMillis((long) (seconds * 1000)), DurationSetting.parse("JOB_RETENTION", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "PT0S", "-PT1H", "PT-5M"})
  void zeroOrNegativeIsRefused(String value) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> DurationSetting.parse("JOB_RETENTION", value));
    assertTrue(e.getMessage().contains("JOB_RETENTION"), e.getMessage());
    assertTrue(e.getMessage().contains("longer than zero"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "24h", "one day", "-5", "1.5", "9999999999999"})
  void anythingElseIsRefusedNamingTheSetting(String value) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> DurationSetting.parse("JOB_RETENTION", value));
    assertTrue(e.getMessage().startsWith("JOB_RETENTION '"), e.getMessage());
  }
}
