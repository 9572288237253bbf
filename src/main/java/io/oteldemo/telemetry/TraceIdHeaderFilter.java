package io.oteldemo.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Puts the request's trace id in an {@code x-trace-id} header on every answer, errors too. */
@Provider
@PreMatching
@ApplicationScoped
public class TraceIdHeaderFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "x-trace-id";

  @Inject RequestTrace trace;

  @Override
  public void filter(ContainerRequestContext request) {
    // Read while the server span is surely current; kept at hand for the answer.
    request.setProperty(HEADER, trace.traceId());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object traceId = request.getProperty(HEADER);
    response.getHeaders().putSingle(HEADER, traceId != null ? traceId : trace.traceId());
  }
}
