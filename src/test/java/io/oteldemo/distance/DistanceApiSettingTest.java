package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistanceApiSettingTest {

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True"})
  void trueIsOnForEveryone(String value) {
    DistanceApiSetting setting = DistanceApiSetting.parse(value);
    assertFalse(setting.off());
    assertFalse(setting.forGroups());
    assertTrue(setting.permits(Set.of()), "a user in no group");
    assertEquals("on", setting.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE"})
  void falseIsOffForEveryone(String value) {
    DistanceApiSetting setting = DistanceApiSetting.parse(value);
    assertTrue(setting.off());
    assertFalse(setting.forGroups());
    assertFalse(setting.permits(Set.of("beta-testers")));
    assertEquals("off", setting.toString());
  }

  @Test
  void groupsAreOnForTheirMembersOnly() {
    DistanceApiSetting setting = DistanceApiSetting.parse("groups:beta-testers,family");

    assertFalse(setting.off());
    assertTrue(setting.forGroups());
    assertTrue(setting.permits(Set.of("family")));
    assertTrue(setting.permits(Set.of("distance-users", "beta-testers")));
    assertFalse(setting.permits(Set.of("distance-users")));
    assertFalse(setting.permits(Set.of()));
    assertFalse(setting.permits(Set.of("Beta-Testers")), "group names are case-sensitive");
    assertEquals("on for the groups beta-testers, family", setting.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yes|expected true, false or groups:",
        "1|expected true, false or groups:",
        "''|expected true, false or groups:",
        "beta-testers|expected true, false or groups:",
        "Groups:beta|expected true, false or groups:",
        "groups beta|expected true, false or groups:",
        "groups:|a group name is empty",
        "groups:beta,|a group name is empty",
        "groups:,beta|a group name is empty",
        "groups:beta, family|' family' is not a group name",
        "groups:beta testers|'beta testers' is not a group name",
        "groups:beta,beta|group 'beta' is listed twice"
      })
  void aMalformedValueStopsTheStartNamingTheSettingAndTheProblem(String value, String problem) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> DistanceApiSetting.parse(value));
    assertTrue(
        e.getMessage().startsWith("DISTANCE_API_ENABLED is malformed"), () -> e.getMessage());
    assertTrue(e.getMessage().contains(problem), () -> e.getMessage());
  }

  @Test
  void anUnsetValueIsMalformed() {
    assertThrows(IllegalStateException.class, () -> DistanceApiSetting.parse(null));
  }
}
