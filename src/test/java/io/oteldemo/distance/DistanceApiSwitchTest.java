package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.download.DownloadResource;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
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
    assertDoesNotThrow(() -> switchSetTo("false", AnotherApi.class).filter(null));
  }

  @Test
  void onAndGroupsPassHereTheGroupsAreDecidedOnceTheCallerIsKnown() {
    assertDoesNotThrow(() -> switchSetTo("true", DistanceResource.class).filter(null));
    assertDoesNotThrow(
        () -> switchSetTo("groups:beta-testers", DistanceResource.class).filter(null));
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
