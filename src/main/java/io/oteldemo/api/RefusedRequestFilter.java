package io.oteldemo.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses, before anything else looks at it (the token check included), a request that {@link
 * MalformedRequestFilter} found malformed and let through with the malformed header hidden: it is
 * counted and answered like every other error. The container's error dispatches are {@link
 * ContainerErrorFilter}'s.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RefusedRequestFilter implements ContainerRequestFilter {

  @Inject Refusals refusals;

  /** The request's properties are its servlet request's attributes. */
  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(RequestDispatcher.ERROR_STATUS_CODE) == null
        && request.getProperty(Refusal.ATTRIBUTE) instanceof Refusal refusal) {
      refusals.record(refusal);
      throw refusal.exception(request.getUriInfo().getPath());
    }
  }
}
