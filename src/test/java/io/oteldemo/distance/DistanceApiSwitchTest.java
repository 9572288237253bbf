package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.download.DownloadResource;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The switch decides on the resource a request was routed to, so the path's spelling does not
 * matter; what it is routed to is held by the integration tests (DistanceApiRolloutIT).
 */
class DistanceApiSwitchTest {

  @Path("api/distance/")
  static class SpelledWithoutSlashes {}

  @Path("/api/distancex")
  static class ALookAlike {}

  @Path("/api/whoami")
  static class AnotherApi {}

  @Test
  void theDistanceResourcesAreTheDistanceApi() {
    assertTrue(DistanceApiSwitch.isDistanceApi(DistanceResource.class));
    assertTrue(DistanceApiSwitch.isDistanceApi(DownloadResource.class));
    assertTrue(DistanceApiSwitch.isDistanceApi(SpelledWithoutSlashes.class));
  }

  @Test
  void otherResourcesAreNot() {
    assertFalse(DistanceApiSwitch.isDistanceApi(ALookAlike.class));
    assertFalse(DistanceApiSwitch.isDistanceApi(AnotherApi.class));
    assertFalse(DistanceApiSwitch.isDistanceApi(String.class), "no @Path");
    assertFalse(DistanceApiSwitch.isDistanceApi(null), "no resource");
  }

  @Test
  void offAnswersNotFoundOnTheDistanceApi() {
    ApiException e =
        assertThrows(
            ApiException.class, () -> switchSetTo("false", DistanceResource.class).filter(null));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals("The distance API is not enabled here", e.getMessage());
  }

  @Test
  void offLeavesOtherResourcesAlone() {
    List<String> calls = new ArrayList<>();
    switchSetTo("false", AnotherApi.class).filter(recording(calls));
    assertEquals(List.of(), calls, "the request should pass untouched, not be aborted");
  }

  @Test
  void onAndGroupsPassHereTheGroupsAreDecidedOnceTheCallerIsKnown() {
    List<String> calls = new ArrayList<>();
    switchSetTo("true", DistanceResource.class).filter(recording(calls));
    DistanceApiSwitch groups = switchSetTo("groups:beta-testers", DistanceResource.class);
    groups.filter(recording(calls));
    assertEquals(List.of(), calls, "the request should pass untouched, not be aborted");

    assertTrue(groups.setting().forGroups(), "the setting should be for groups");
    assertTrue(groups.setting().permits(Set.of("beta-testers")), "on for a beta tester");
    assertFalse(groups.setting().permits(Set.of("family")), "off for anyone else");
  }

  @Test
  void aMalformedSettingFailsTheBean() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> switchSetTo("groups:", DistanceResource.class));
    assertTrue(e.getMessage().contains("DISTANCE_API_ENABLED"), e.getMessage());
  }

  private static DistanceApiSwitch switchSetTo(String value, Class<?> resource) {
    DistanceApiSwitch apiSwitch = new DistanceApiSwitch();
    apiSwitch.value = value;
    apiSwitch.resource = routedTo(resource);
    apiSwitch.load();
    return apiSwitch;
  }

  /** A request that records the names of the methods called on it. */
  private static ContainerRequestContext recording(List<String> calls) {
    return (ContainerRequestContext)
        Proxy.newProxyInstance(
            DistanceApiSwitchTest.class.getClassLoader(),
            new Class<?>[] {ContainerRequestContext.class},
            (proxy, method, args) -> {
              calls.add(method.getName());
              return null;
            });
  }

  private static ResourceInfo routedTo(Class<?> resource) {
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Class<?> getResourceClass() {
        return resource;
      }
    };
  }
}
