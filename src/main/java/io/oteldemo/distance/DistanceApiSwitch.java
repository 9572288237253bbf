package io.oteldemo.distance;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code DISTANCE_API_ENABLED=false} hides the distance API (404) for a staged rollout, while
 * health and OpenAPI keep answering.
 */
@Provider
@PreMatching
@ApplicationScoped
public class DistanceApiSwitch implements ContainerRequestFilter {

  static final String API_PREFIX = "api/distance";

  @Inject
  @ConfigProperty(name = "DISTANCE_API_ENABLED")
  boolean enabled;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!enabled && request.getUriInfo().getPath().replaceFirst("^/", "").startsWith(API_PREFIX)) {
      throw new ApiException(ErrorCode.NOT_FOUND, "The distance API is not enabled here");
    }
  }
}
