package io.oteldemo.deviceaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceAccessPolicyTest {

  private static final Optional<String> STUART = Optional.of("iphone_stuart");
  private static final Optional<String> ANNA = Optional.of("pixel_anna");
  private static final Optional<String> ALL_DEVICES = Optional.empty();

  private final DeviceAccessPolicy policy =
      DeviceAccessPolicy.parse("family=*;guests=iphone_stuart, ipad_stuart;friends=pixel_anna");

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void unsetLetsEveryUserCalculateEveryDevice(String value) {
    DeviceAccessPolicy unset = DeviceAccessPolicy.parse(value);
    assertFalse(unset.restricts(), "unset restricts nothing");
    assertTrue(unset.permits(Set.of(), STUART), "a user in no group, one device");
    assertTrue(unset.permits(Set.of(), ALL_DEVICES), "a user in no group, every device");
    assertTrue(unset.permits(Set.of("guests"), ANNA), "any group, any device");
  }

  @Test
  void aGroupMayCalculateTheDevicesItIsGranted() {
    assertTrue(policy.restricts());
    assertTrue(policy.permits(Set.of("guests"), STUART));
    assertTrue(
        policy.permits(Set.of("guests"), Optional.of("ipad_stuart")),
        "spaces around a device are not part of it");
    assertTrue(policy.permits(Set.of("friends"), ANNA));
  }

  @Test
  void aDeviceNoGroupOfTheUserGrantsIsRefused() {
    assertFalse(policy.permits(Set.of("guests"), ANNA));
    assertFalse(policy.permits(Set.of("friends"), STUART));
    assertFalse(
        policy.permits(Set.of("guests"), Optional.of("IPHONE_STUART")),
        "device ids are compared exactly");
  }

  @Test
  void theStarGrantsEveryDeviceAndAllDevicesAtOnce() {
    assertTrue(policy.permits(Set.of("family"), STUART));
    assertTrue(policy.permits(Set.of("family"), Optional.of("any_device_at_all")));
    assertTrue(policy.permits(Set.of("family"), ALL_DEVICES));
  }

  @Test
  void allDevicesAtOnceNeedTheStarEvenWithEveryDeviceGrantedByName() {
    assertFalse(policy.permits(Set.of("guests"), ALL_DEVICES));
    assertFalse(policy.permits(Set.of("guests", "friends"), ALL_DEVICES));
  }

  @Test
  void aUserInNoGrantedGroupMayCalculateNothing() {
    assertFalse(policy.permits(Set.of(), STUART), "no groups at all");
    assertFalse(policy.permits(Set.of(), ALL_DEVICES), "no groups at all, every device");
    assertFalse(
        policy.permits(Set.of("distance-users", "Family"), STUART),
        "groups the policy does not name (names are compared exactly)");
  }

  @Test
  void anyOfSeveralGroupsMayGrantTheDevice() {
    assertTrue(policy.permits(Set.of("guests", "friends"), STUART));
    assertTrue(policy.permits(Set.of("guests", "friends"), ANNA));
    assertTrue(policy.permits(Set.of("strangers", "family"), ALL_DEVICES));
    assertFalse(policy.permits(Set.of("guests", "friends"), Optional.of("galaxy_mum")));
  }

  @Test
  void theLogLineListsEachGroupsDevices() {
    assertEquals(
        "family: *; guests: ipad_stuart,iphone_stuart; friends: pixel_anna", policy.toString());
    assertEquals("every user: *", DeviceAccessPolicy.parse("").toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "family                     | entry 1 'family' has no '='",
        "family=*;guests            | entry 2 'guests' has no '='",
        "family=*=x                 | entry 1 'family=*=x' has more than one '='",
        "=iphone_stuart             | entry 1 '=iphone_stuart' names no group",
        "fam ily=*                  | entry 1 'fam ily=*': 'fam ily' is not a group name",
        "family=                    | entry 1 'family=' grants no device",
        "family=iphone_stuart,      | entry 1 'family=iphone_stuart,' has an empty device",
        "family=,iphone_stuart      | entry 1 'family=,iphone_stuart' has an empty device",
        "guests=iphone stuart       | entry 1 'guests=iphone stuart': 'iphone stuart' is not a device id",
        "guests=iphone-stuart       | entry 1 'guests=iphone-stuart': 'iphone-stuart' is not a device id",
        "family=*,iphone_stuart     | entry 1 'family=*,iphone_stuart': * already grants every device",
        "guests=pixel,pixel         | entry 1 'guests=pixel,pixel' names 'pixel' twice",
        "family=*;family=pixel      | entry 2 'family=pixel': group 'family' is already listed",
        "family=*;;guests=pixel     | entry 2 is empty",
        "family=*;                  | entry 2 is empty"
      })
  void aMalformedEntryStopsTheStartNamingIt(String value, String problem) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> DeviceAccessPolicy.parse(value));
    assertTrue(e.getMessage().startsWith("DEVICE_ACCESS is malformed"), e.getMessage());
    assertTrue(
        e.getMessage().contains(problem), () -> "expected '" + problem + "' in: " + e.getMessage());
  }

  @Test
  void everyMalformedEntryIsNamedAtOnce() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> DeviceAccessPolicy.parse("family=*;guests;friends=bad-id"));
    assertTrue(e.getMessage().contains("entry 2 'guests' has no '='"), e.getMessage());
    assertTrue(e.getMessage().contains("'bad-id' is not a device id"), e.getMessage());
    assertFalse(
        e.getMessage().contains("entry 1"), "the good entry is not blamed: " + e.getMessage());
  }

  @Test
  void aDeviceIdOver64CharactersIsRefused() {
    String longId = "d".repeat(65);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> DeviceAccessPolicy.parse("guests=" + longId));
    assertTrue(e.getMessage().contains("'" + longId + "' is not a device id"), e.getMessage());
    assertTrue(DeviceAccessPolicy.parse("guests=" + "d".repeat(64)).restricts());
  }

  @Test
  void theDevicesAUserMayReadAreWhatTheirGroupsGrantTogether() {
    assertEquals(
        DeviceScope.only(Set.of("iphone_stuart", "ipad_stuart", "pixel_anna")),
        policy.granted(Set.of("guests", "friends", "strangers")),
        "the union of the groups' devices");
    assertEquals(
        DeviceScope.only(Set.of("iphone_stuart", "ipad_stuart")), policy.granted(Set.of("guests")));
  }

  @Test
  void theStarOrNoPolicyGrantsEveryDeviceToRead() {
    assertEquals(DeviceScope.every(), policy.granted(Set.of("guests", "family")), "* wins");
    assertEquals(
        DeviceScope.every(),
        DeviceAccessPolicy.parse("").granted(Set.of()),
        "unset: every user reads every device");
  }

  @Test
  void aUserInNoGrantedGroupMayReadNoDevice() {
    DeviceScope none = policy.granted(Set.of("strangers"));
    assertTrue(none.isEmpty(), () -> "no device: " + none);
    assertFalse(none.includes("iphone_stuart"));
    assertTrue(policy.granted(Set.of()).isEmpty(), "no group at all");
  }
}
