package io.oteldemo.ratelimit;

import io.oteldemo.auth.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits each authenticated user per route class ({@link RateLimited} resource methods, decided on
 * the method JAX-RS matched, so every spelling of its path takes from the same bucket), after
 * authentication, and puts the IETF {@code RateLimit-Policy} and {@code RateLimit} fields on every
 * limited answer. Preflights and public endpoints are not resource methods of ours with
 * {@code @RateLimited}, so they are never limited; a limited method is always a protected one. A
 * method that names a {@link ReadAlong} gets the hash it reads in the decision's own Redis round
 * trip.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  @Inject RateLimiter limiter;
  @Inject CurrentUser currentUser;
  @Inject RateLimitMetrics metrics;
  @Inject ReadAlongHashes readAlongHashes;
  @Inject @Any Instance<ReadAlong> readAlongs;
  @Context ResourceInfo resourceInfo;

  private final Map<Class<? extends ReadAlong>, ReadAlong> readAlongByType =
      new ConcurrentHashMap<>();

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo.getResourceMethod();
    RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
    if (limited == null) {
      return;
    }
    // Limits are per user: a limited method without one is refused (401), never let through.
    String subject = currentUser.require().subject();
    Optional<String> hashKey = readAlong(limited).flatMap(hash -> hash.hashKey(subject, request));
    LimitedRead read;
    try {
      read = limiter.take(subject, limited.value(), hashKey);
    } catch (RuntimeException failClosed) {
      // Without a store to decide, the closed fail mode refuses (503): undecided too.
      metrics.record(limited.value(), RateLimitMetrics.Decision.UNDECIDED);
      throw failClosed;
    }
    hashKey.ifPresent(
        key -> read.readAlong().ifPresent(fields -> readAlongHashes.put(key, fields)));
    RateLimitDecision decision = read.decision();
    metrics.record(limited.value(), RateLimitMetrics.Decision.of(decision));
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      throw new RateLimitedException(decision);
    }
  }

  private Optional<ReadAlong> readAlong(RateLimited limited) {
    Class<? extends ReadAlong> type = limited.readAlong();
    if (type == ReadAlong.class) {
      return Optional.empty();
    }
    return Optional.of(
        readAlongByType.computeIfAbsent(type, wanted -> readAlongs.select(wanted).get()));
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
