package io.oteldemo.distance;

import io.oteldemo.auth.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * The beta rollout, {@code DISTANCE_API_ENABLED=groups:<group>[,<group>…]}: the distance API is on
 * for the members of those Cognito groups and answers everyone else as when it is off (404). The
 * groups are the caller's, so this runs once the caller is known: after the token check and the
 * Cognito checks (an anonymous request is still a 401, which says nothing about the API), and
 * before the rate limit, which a refused caller does not use up.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 50)
@ApplicationScoped
public class DistanceApiGroups implements ContainerRequestFilter {

  @Inject DistanceApiSwitch apiSwitch;
  @Inject CurrentUser currentUser;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    DistanceApiSetting setting = apiSwitch.setting();
    if (setting.forGroups()
        && DistanceApiSwitch.isDistanceApi(resource.getResourceClass())
        && !setting.permits(callersGroups())) {
      throw DistanceApiSwitch.notEnabled();
    }
  }

  private Set<String> callersGroups() {
    return currentUser.get().map(CurrentUser.AuthenticatedUser::groups).orElse(Set.of());
  }
}
