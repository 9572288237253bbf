package io.oteldemo.distance;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who the distance API is on for, as the operator wrote it in {@code DISTANCE_API_ENABLED}: {@code
 * true} (everyone), {@code false} (nobody) or {@code groups:<group>[,<group>…]} (the members of
 * those Cognito groups: a beta rollout). Parsed once, strictly: a typo must not silently switch the
 * API on or off.
 */
public final class DistanceApiSetting {

  public static final String SETTING = "DISTANCE_API_ENABLED";

  static final String GROUPS_PREFIX = "groups:";

  /** A Cognito group name: no white space, no comma, at most 128 characters. */
  private static final Pattern GROUP = Pattern.compile("[^\\s,]{1,128}");

  private static final DistanceApiSetting ON = new DistanceApiSetting(null);
  private static final DistanceApiSetting OFF = new DistanceApiSetting(Set.of());

  /** The groups the API is on for; null when it is on for everyone, empty when off. */
  private final Set<String> groups;

  private DistanceApiSetting(Set<String> groups) {
    this.groups = groups;
  }

  /**
   * Reads the setting.
   *
   * @throws IllegalStateException naming the setting and what is wrong with the value
   */
  public static DistanceApiSetting parse(String value) {
    String text = value == null ? "" : value;
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
        return ON;
      case "false":
        return OFF;
      default:
        if (!text.startsWith(GROUPS_PREFIX)) {
          throw malformed(text, "expected true, false or groups:<group>[,<group>...]");
        }
        return new DistanceApiSetting(groups(text, text.substring(GROUPS_PREFIX.length())));
    }
  }

  private static Set<String> groups(String text, String list) {
    Set<String> groups = new LinkedHashSet<>();
    for (String group : list.split(",", -1)) {
      if (!GROUP.matcher(group).matches()) {
        throw malformed(
            text,
            group.isEmpty()
                ? "a group name is empty"
                : "'" + group + "' is not a group name (no spaces, at most 128 characters)");
      }
      if (!groups.add(group)) {
        throw malformed(text, "group '" + group + "' is listed twice");
      }
    }
    return Collections.unmodifiableSet(groups);
  }

  private static IllegalStateException malformed(String text, String problem) {
    return new IllegalStateException(
        SETTING + " is malformed (" + problem + ", e.g. groups:beta-testers): '" + text + "'");
  }

  /** Off for everyone: the API answers as if it did not exist. */
  public boolean off() {
    return groups != null && groups.isEmpty();
  }

  /** On for the members of some groups only, decided once the caller is known. */
  public boolean forGroups() {
    return groups != null && !groups.isEmpty();
  }

  /** Whether the API is on for a user in these groups. */
  public boolean permits(Set<String> userGroups) {
    return groups == null || userGroups.stream().anyMatch(groups::contains);
  }

  @Override
  public String toString() {
    if (groups == null) {
      return "on";
    }
    return off() ? "off" : "on for the groups " + String.join(", ", groups);
  }
}
