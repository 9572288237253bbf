package io.oteldemo.deviceaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.auth.AccessDeniedException;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.testing.CapturedLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The policy as the application applies it: the start's log line and the 403 it answers. */
public class DeviceAccessTest {

  private static final String ALLOWED = "allowed";

  @RegisterExtension final CapturedLog log = new CapturedLog(DeviceAccess.class);

  /** The bean as the container makes it, with this setting (empty: unset). */
  public static DeviceAccess access(String setting) {
    DeviceAccess access = new DeviceAccess();
    access.setting = Optional.of(setting).filter(value -> !value.isEmpty());
    access.load();
    return access;
  }

  @Test
  void unsetLetsEveryoneCalculateAnythingAndSaysSoOnceAsAWarning() {
    DeviceAccess access = access("");

    assertEquals(
        List.of(ALLOWED, ALLOWED, ALLOWED),
        List.of(
            verdict(() -> access.checkCalculation(Set.of(), Optional.of("iphone_stuart"))),
            verdict(() -> access.checkCalculation(Set.of(), Optional.empty())),
            verdict(() -> access.checkCalculation(Set.of("guests"), Optional.of("pixel_anna")))),
        "no group, all devices, any group: each calculation allowed");
    assertEquals(DeviceScope.every(), access.readable(Set.of()), "and every device readable");
    assertEquals(
        1, log.records().size(), () -> "one line at start, none per request: " + messages());
    assertEquals(Level.WARNING, log.records().get(0).getLevel());
    assertTrue(log.records().get(0).getMessage().contains("DEVICE_ACCESS is not set"), messages());
  }

  @Test
  void aSetPolicyIsLoggedWithItsGrantsAndNoWarning() {
    access("family=*;guests=iphone_stuart");

    assertEquals(1, log.records().size(), this::messages);
    assertEquals(Level.INFO, log.records().get(0).getLevel());
    assertEquals(
        "Device access by group: family: *; guests: iphone_stuart",
        log.records().get(0).getMessage());
  }

  @Test
  void anUngrantedDeviceIs403NamingTheDevice() {
    DeviceAccess access = access("family=*;guests=iphone_stuart");

    ApiException e =
        assertThrows(
            AccessDeniedException.class,
            () -> access.checkCalculation(Set.of("guests"), Optional.of("pixel_anna")));
    assertEquals(ErrorCode.FORBIDDEN, e.code());
    assertEquals(Map.of("device_id", "pixel_anna"), e.details());
    assertTrue(e.getMessage().contains("pixel_anna"), e.getMessage());
    assertTrue(
        e.headers().get("WWW-Authenticate").contains("insufficient_scope"),
        () -> "headers: " + e.headers());
    assertEquals(
        ALLOWED,
        verdict(() -> access.checkCalculation(Set.of("guests"), Optional.of("iphone_stuart"))),
        "the device guests are granted");
  }

  @Test
  void allDevicesWithoutTheStarIs403WithTheStarAsDevice() {
    DeviceAccess access = access("family=*;guests=iphone_stuart");

    ApiException e =
        assertThrows(
            AccessDeniedException.class,
            () -> access.checkCalculation(Set.of("guests"), Optional.empty()));
    assertEquals(Map.of("device_id", "*"), e.details());
    assertEquals(
        ALLOWED,
        verdict(() -> access.checkCalculation(Set.of("family"), Optional.empty())),
        "family is granted *");
  }

  @Test
  void aMalformedSettingStopsTheBeanFromStarting() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> access("family=*;guests"));
    assertTrue(e.getMessage().contains("entry 2 'guests'"), e.getMessage());
  }

  @Test
  void readingAnUngrantedDeviceIs403NamingTheDeviceAndTheRead() {
    DeviceAccess access = access("family=*;guests=iphone_stuart");

    ApiException e =
        assertThrows(
            AccessDeniedException.class, () -> access.checkRead(Set.of("guests"), "pixel_anna"));
    assertEquals(ErrorCode.FORBIDDEN, e.code());
    assertEquals(Map.of("device_id", "pixel_anna"), e.details());
    assertEquals("None of your groups may read device pixel_anna", e.getMessage());
    assertTrue(e.headers().get("WWW-Authenticate").contains("insufficient_scope"));
    assertEquals(
        List.of(ALLOWED, ALLOWED),
        List.of(
            verdict(() -> access.checkRead(Set.of("guests"), "iphone_stuart")),
            verdict(() -> access.checkRead(Set.of("family"), "pixel_anna"))),
        "the device guests are granted, and any device for family");
  }

  @Test
  void theReadableDevicesFollowThePolicyAndAreEveryDeviceWithoutOne() {
    DeviceAccess restricted = access("family=*;guests=iphone_stuart");
    assertEquals(DeviceScope.only(Set.of("iphone_stuart")), restricted.readable(Set.of("guests")));
    assertEquals(DeviceScope.every(), restricted.readable(Set.of("family")));
    assertTrue(restricted.readable(Set.of("strangers")).isEmpty(), "nothing granted");

    DeviceAccess unset = access("");
    assertEquals(DeviceScope.every(), unset.readable(Set.of()), "no policy: every device");
    assertEquals(ALLOWED, verdict(() -> unset.checkRead(Set.of(), "pixel_anna")));
  }

  /**
   * What a check answers, as a value to compare: {@link #ALLOWED}, or the device its 403 names, so
   * a failure shows which call was refused.
   */
  private static String verdict(Runnable check) {
    try {
      check.run();
      return ALLOWED;
    } catch (AccessDeniedException e) {
      return "403 for " + e.details().get("device_id");
    }
  }

  private String messages() {
    return log.records().stream().map(LogRecord::getMessage).toList().toString();
  }
}
