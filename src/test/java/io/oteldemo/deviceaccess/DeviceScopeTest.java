package io.oteldemo.deviceaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceScopeTest {

  @Test
  void everyDeviceIncludesAnyDeviceAndIsNeverEmpty() {
    assertTrue(DeviceScope.every().includes("anything"));
    assertFalse(DeviceScope.every().isEmpty());
    assertEquals(Set.of(), DeviceScope.every().devices(), "no list for every device");
  }

  @Test
  void aSetIncludesItsDevicesOnly() {
    DeviceScope two = DeviceScope.only(Set.of("a", "b"));
    assertTrue(two.includes("a"));
    assertFalse(two.includes("c"));
    assertFalse(two.isEmpty());
    assertTrue(DeviceScope.only(Set.of()).isEmpty());
  }

  @Test
  void theSetIsCopied() {
    Set<String> devices = new HashSet<>(Set.of("a"));
    DeviceScope scope = DeviceScope.only(devices);
    devices.add("b");
    assertFalse(scope.includes("b"), "a later change to the caller's set is not seen");
  }
}
