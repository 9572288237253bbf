package io.oteldemo.deviceaccess;

import java.util.Set;

/**
 * A set of devices that may be every device: what a user's groups grant, and which devices a read
 * of the location store covers.
 *
 * @param everyDevice true for every device, whatever {@code devices} holds
 * @param devices the devices, when not every device; may be empty
 */
public record DeviceScope(boolean everyDevice, Set<String> devices) {

  private static final DeviceScope EVERY = new DeviceScope(true, Set.of());

  public DeviceScope {
    devices = everyDevice ? Set.of() : Set.copyOf(devices);
  }

  public static DeviceScope every() {
    return EVERY;
  }

  public static DeviceScope only(Set<String> devices) {
    return new DeviceScope(false, devices);
  }

  public boolean includes(String device) {
    return everyDevice || devices.contains(device);
  }

  /** True for no device at all: a read of it finds nothing. */
  public boolean isEmpty() {
    return !everyDevice && devices.isEmpty();
  }

  @Override
  public String toString() {
    return everyDevice ? "every device" : devices.stream().sorted().toList().toString();
  }
}
