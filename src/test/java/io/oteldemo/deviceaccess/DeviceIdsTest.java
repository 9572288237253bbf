package io.oteldemo.deviceaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ValidationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"iphone_stuart", "a", "PIXEL7", "_"})
  void lettersDigitsAndUnderscoresAreADeviceId(String value) {
    assertTrue(DeviceIds.isDeviceId(value), value);
    assertEquals(Optional.of(value), DeviceIds.optional("device_id", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "iphone-stuart", "iphone stuart", "../rec", "a.b", "téléphone"})
  void anythingElseIsRefusedNamingTheField(String value) {
    assertFalse(DeviceIds.isDeviceId(value), value);
    ValidationException e =
        assertThrows(ValidationException.class, () -> DeviceIds.optional("device", value));
    assertEquals(Map.of("field", "device", "value", value), e.details());
    assertEquals("device must be 1-64 letters, digits or underscores", e.getMessage());
  }

  @Test
  void sixtyFourCharactersAtMost() {
    assertTrue(DeviceIds.isDeviceId("d".repeat(64)));
    assertFalse(DeviceIds.isDeviceId("d".repeat(65)));
  }

  @Test
  void absentIsEmptyAndNullIsNoDeviceId() {
    assertEquals(Optional.empty(), DeviceIds.optional("device_id", null));
    assertFalse(DeviceIds.isDeviceId(null));
  }
}
