package io.oteldemo.deviceaccess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which devices the members of a group may calculate and read, as the operator wrote it in {@code
 * DEVICE_ACCESS}: {@code group=device,device;group=*}. A calculation reads a person's location
 * history, so whoever may calculate a device may read its tracks, and only they; this decides who
 * may. Parsed once, strictly (a typo must not silently grant or deny), and immutable afterwards.
 * Without a setting there is no restriction: every user may calculate and read every device.
 */
public final class DeviceAccessPolicy {

  public static final String SETTING = "DEVICE_ACCESS";

  /** Grants every device, and with it the calculation of all devices at once. */
  public static final String EVERY_DEVICE = "*";

  /** A Cognito group name: no white space, at most 128 characters. */
  private static final Pattern GROUP = Pattern.compile("\\S{1,128}");

  private static final DeviceAccessPolicy UNRESTRICTED = new DeviceAccessPolicy(null);

  /** Group to the devices it grants; null when unrestricted. */
  private final Map<String, Set<String>> grants;

  private DeviceAccessPolicy(Map<String, Set<String>> grants) {
    this.grants = grants;
  }

  /**
   * Reads the setting; empty or blank means unrestricted.
   *
   * @throws IllegalStateException naming every malformed entry
   */
  public static DeviceAccessPolicy parse(String value) {
    if (value == null || value.isBlank()) {
      return UNRESTRICTED;
    }
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> grants = new LinkedHashMap<>();
    String[] entries = value.split(";", -1);
    for (int i = 0; i < entries.length; i++) {
      entry(i + 1, entries[i].trim(), grants, problems);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          SETTING
              + " is malformed (expected group=device,device;"
              + "group=* entries): "
              + String.join("; ", problems));
    }
    return new DeviceAccessPolicy(Collections.unmodifiableMap(grants));
  }

  private static void entry(
      int position, String entry, Map<String, Set<String>> grants, List<String> problems) {
    String name = "entry " + position + " '" + entry + "'";
    if (entry.isEmpty()) {
      problems.add("entry " + position + " is empty");
      return;
    }
    String[] sides = entry.split("=", -1);
    if (sides.length != 2) {
      problems.add(name + (sides.length == 1 ? " has no '='" : " has more than one '='"));
      return;
    }
    String group = sides[0].trim();
    if (!GROUP.matcher(group).matches()) {
      problems.add(
          name
              + (group.isEmpty()
                  ? " names no group"
                  : ": '" + group + "' is not a group name (no spaces, at most 128 characters)"));
    } else if (grants.containsKey(group)) {
      problems.add(name + ": group '" + group + "' is already listed");
    }
    Set<String> devices = devices(name, sides[1], problems);
    grants.putIfAbsent(group, devices);
  }

  private static Set<String> devices(String name, String list, List<String> problems) {
    Set<String> devices = new LinkedHashSet<>();
    if (list.isBlank()) {
      problems.add(name + " grants no device (use * for every device)");
      return devices;
    }
    for (String item : list.split(",", -1)) {
      String device = item.trim();
      if (device.isEmpty()) {
        problems.add(name + " has an empty device in its list");
      } else if (!device.equals(EVERY_DEVICE) && !DeviceIds.isDeviceId(device)) {
        problems.add(
            name
                + ": '"
                + device
                + "' is not a device id (1-64 letters, digits or"
                + " underscores) nor *");
      } else if (!devices.add(device)) {
        problems.add(name + " names '" + device + "' twice");
      }
    }
    if (devices.contains(EVERY_DEVICE) && devices.size() > 1) {
      problems.add(name + ": * already grants every device and must stand alone");
    }
    return Set.copyOf(devices);
  }

  /** False when unset: every user may calculate every device. */
  public boolean restricts() {
    return grants != null;
  }

  /**
   * Whether one of the groups grants the device; all devices at once ({@code deviceId} empty) need
   * a group granted {@code *}.
   */
  public boolean permits(Set<String> groups, Optional<String> deviceId) {
    if (grants == null) {
      return true;
    }
    return groups.stream()
        .map(grants::get)
        .filter(Objects::nonNull)
        .anyMatch(
            devices ->
                devices.contains(EVERY_DEVICE) || deviceId.map(devices::contains).orElse(false));
  }

  /** The devices one of the groups grants: every device with {@code *} or when unrestricted. */
  public DeviceScope granted(Set<String> groups) {
    if (grants == null) {
      return DeviceScope.every();
    }
    Set<String> devices = new HashSet<>();
    for (String group : groups) {
      Set<String> granted = grants.getOrDefault(group, Set.of());
      if (granted.contains(EVERY_DEVICE)) {
        return DeviceScope.every();
      }
      devices.addAll(granted);
    }
    return DeviceScope.only(devices);
  }

  /** The grants as a log line shows them, e.g. {@code family: *; guests: iphone_stuart}. */
  @Override
  public String toString() {
    if (grants == null) {
      return "every user: *";
    }
    return grants.entrySet().stream()
        .map(
            grant ->
                grant.getKey()
                    + ": "
                    + grant.getValue().stream().sorted().collect(Collectors.joining(",")))
        .collect(Collectors.joining("; "));
  }
}
