package io.oteldemo.ratelimit;

import io.oteldemo.auth.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits each authenticated user per route class ({@link RateLimited} resource methods), after
 * authentication, and puts the IETF {@code RateLimit-Policy} and {@code RateLimit} fields on every
 * limited answer. Preflights and public endpoints are not resource methods of ours with
 * {@code @RateLimited}, so they are never limited.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  @Inject RateLimiter limiter;
  @Inject CurrentUser currentUser;
  @Inject RateLimitMetrics metrics;
  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo.getResourceMethod();
    RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
    if (limited == null || currentUser.get().isEmpty()) {
      return;
    }
    RateLimitDecision decision;
    try {
      decision = limiter.take(currentUser.get().get().subject(), limited.value());
    } catch (RuntimeException failClosed) {
      // Without a store to decide, the closed fail mode refuses (503): undecided too.
      metrics.record(limited.value(), RateLimitMetrics.Decision.UNDECIDED);
      throw failClosed;
    }
    metrics.record(limited.value(), RateLimitMetrics.Decision.of(decision));
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      throw new RateLimitedException(decision);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
      headers(decision).forEach(response.getHeaders()::putSingle);
    }
  }

  static Map<String, String> headers(RateLimitDecision decision) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Policy", decision.policyHeader());
    if (decision.remaining().isPresent()) {
      headers.put("RateLimit", decision.limitHeader());
    }
    return headers;
  }
}
