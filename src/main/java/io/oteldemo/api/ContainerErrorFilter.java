package io.oteldemo.api;

import io.oteldemo.auth.AccessDeniedException;
import io.oteldemo.auth.BearerCredentials;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Answers the web container's error dispatches (see web.xml) with our error body. The container
 * rejects some requests itself and would otherwise answer with its HTML error page (with a stack
 * trace) or an empty body: a path with an encoded '/', and requests that MicroProfile JWT did not
 * authenticate (401: the gate explains every token it refuses, before Liberty sees it).
 */
@Provider
@PreMatching
@ApplicationScoped
public class ContainerErrorFilter implements ContainerRequestFilter {

  static final String REFUSED_URI =
      "The request path has an encoded '/', '\\', '.' or '#' and is refused (path traversal)";

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Object status = servletRequest.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
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
        Object path = servletRequest.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        throw new ApiException(
            error,
            REFUSED_URI,
            Map.of("field", "path", "value", String.valueOf(path)),
            OptionalLong.empty());
      }
      throw new ApiException(error, "The request could not be processed");
    }
  }
}
