package io.oteldemo.api;

import io.oteldemo.auth.AccessDeniedException;
import io.oteldemo.auth.BearerCredentials;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.telemetry.TraceIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers the web container's error dispatches (see web.xml) with our error body. The container
 * rejects some requests itself and would otherwise answer with its HTML error page (with a stack
 * trace) or an empty body: a path with an encoded '/', a path {@link MalformedRequestFilter} sent
 * here, and requests that MicroProfile JWT did not authenticate (401, explained here, since Liberty
 * only logs why).
 */
@Provider
@PreMatching
@ApplicationScoped
public class ContainerErrorFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(ContainerErrorFilter.class.getName());

  @Context HttpServletRequest servletRequest;

  @Inject Refusals refusals;

  @Override
  public void filter(ContainerRequestContext request) {
    Object status = request.getProperty(RequestDispatcher.ERROR_STATUS_CODE);
    if (status instanceof Integer code) {
      if (code == 401) {
        throw BearerCredentials.unauthenticated(
            servletRequest.getHeader(HttpHeaders.AUTHORIZATION));
      }
      if (code == 403) {
        throw new AccessDeniedException("The user may not use this API");
      }
      ErrorCode error = ErrorCode.forStatus(code);
      if (error == ErrorCode.VALIDATION_ERROR) {
        throw refused(request);
      }
      logUnexpected(request.getProperty(RequestDispatcher.ERROR_EXCEPTION));
      throw new ApiException(error, "The request could not be processed");
    }
  }

  /**
   * A request the container refused as a bad request: one {@link MalformedRequestFilter} sent here,
   * or one the container refused itself before any filter, for a path with an encoded '/', '\', '.'
   * or '#' (the container's own message for it is hidden in server.xml; this counts it).
   */
  private ApiException refused(ContainerRequestContext request) {
    Refusal refusal =
        request.getProperty(Refusal.ATTRIBUTE) instanceof Refusal found
            ? found
            : Refusal.refusedPath();
    refusals.record(refusal);
    return refusal.exception(request.getProperty(RequestDispatcher.ERROR_REQUEST_URI));
  }

  /**
   * An exception that reached the container is a defect of ours: logged here once, with its stack
   * trace, since server.xml hides the container's own message for it (SRVE0315E, which it also
   * writes for every refused path).
   */
  private void logUnexpected(Object exception) {
    if (exception instanceof Throwable thrown) {
      LOG.log(Level.SEVERE, "Unexpected error in the container " + TraceIds.logTag(), thrown);
    }
  }
}
