package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistanceApiSwitchTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/distance/calculate",
        "api/distance/jobs",
        "/api/distance/jobs/x",
        "/api/distance/download/distance_20260125.csv"
      })
  void disabledApiAnswersNotFound(String path) {
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> switchSetTo(false).filter(request(path)),
            "the distance API is off: " + path);
    assertEquals(ErrorCode.NOT_FOUND, e.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/distance/calculate", "/api/distance/jobs"})
  void enabledApiPassesThrough(String path) {
    assertDoesNotThrow(() -> switchSetTo(true).filter(request(path)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health/ready", "/openapi", "/nowhere"})
  void otherPathsAreNeverHidden(String path) {
    assertDoesNotThrow(() -> switchSetTo(false).filter(request(path)));
  }

  private static DistanceApiSwitch switchSetTo(boolean enabled) {
    DistanceApiSwitch apiSwitch = new DistanceApiSwitch();
    apiSwitch.enabled = enabled;
    return apiSwitch;
  }

  private static ContainerRequestContext request(String path) {
    UriInfo uriInfo = proxy(UriInfo.class, "getPath", path);
    return proxy(ContainerRequestContext.class, "getUriInfo", uriInfo);
  }

  /** A stand-in that answers one method and refuses every other call. */
  private static <T> T proxy(Class<T> type, String method, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, called, args) -> {
              if (called.getName().equals(method) && (args == null || args.length == 0)) {
                return answer;
              }
              throw new UnsupportedOperationException(called.getName());
            }));
  }
}
