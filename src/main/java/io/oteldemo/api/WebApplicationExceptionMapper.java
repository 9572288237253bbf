package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the JAX-RS runtime's own answers (unknown path, wrong method, unsupported media type…) our
 * JSON error body instead of the container's default page, keeping their headers (Allow).
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    ErrorCode code = ErrorCode.forStatus(status);
    if (status >= 500) {
      LOG.log(Level.SEVERE, "Request failed " + errors.logTag(), e);
    }
    Response answer = errors.of(code, messageFor(code, e));
    Response.ResponseBuilder response = Response.fromResponse(answer).status(status);
    String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    return response.build();
  }

  private static String messageFor(ErrorCode code, WebApplicationException e) {
    return switch (code) {
      case NOT_FOUND -> "No resource at this path";
      case METHOD_NOT_ALLOWED -> "Method not allowed here" + allowed(e);
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Content-Type: send application/json";
      case NOT_ACCEPTABLE -> "Cannot produce the requested media type: accept application/json";
      case INTERNAL_ERROR -> "Internal error";
      default -> "The request could not be processed";
    };
  }

  private static String allowed(WebApplicationException e) {
    if (e instanceof NotAllowedException) {
      String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
      return allow == null ? "" : "; allowed: " + allow;
    }
    return "";
  }
}
