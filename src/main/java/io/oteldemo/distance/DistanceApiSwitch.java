package io.oteldemo.distance;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code DISTANCE_API_ENABLED} ({@link DistanceApiSetting}) for a staged rollout: while it is
 * {@code false} the distance API answers 404 as if it did not exist, while health, OpenAPI and the
 * other paths keep answering. The decision is taken on the resource the request was routed to, so
 * no spelling of the path (matrix parameters, encodings) gets around it; it comes after the token
 * check and before the Cognito checks. With {@code groups:…}, who the API is on for is decided once
 * the caller is known, by {@link DistanceApiGroups}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
@ApplicationScoped
public class DistanceApiSwitch implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(DistanceApiSwitch.class.getName());

  static final String API_ROOT = "api/distance";

  @Inject
  @ConfigProperty(name = DistanceApiSetting.SETTING)
  String value;

  @Context ResourceInfo resource;

  private DistanceApiSetting setting;

  @PostConstruct
  void load() {
    setting = DistanceApiSetting.parse(value);
    LOG.info(() -> "The distance API is " + setting);
  }

  /** Reads the setting as the application starts, so a malformed one stops the deployment. */
  void checkAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (setting.off() && isDistanceApi(resource.getResourceClass())) {
      throw notEnabled();
    }
  }

  DistanceApiSetting setting() {
    return setting;
  }

  /** Whether the request was routed to a resource of the distance API ({@code /api/distance/…}). */
  static boolean isDistanceApi(Class<?> resourceClass) {
    Path path = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
    if (path == null) {
      return false;
    }
    String root = path.value().replaceAll("^/+|/+$", "");
    return root.equals(API_ROOT) || root.startsWith(API_ROOT + "/");
  }

  /** The answer of a distance API that is off for the caller: the same as for no API at all. */
  static ApiException notEnabled() {
    return new ApiException(ErrorCode.NOT_FOUND, "The distance API is not enabled here");
  }
}
