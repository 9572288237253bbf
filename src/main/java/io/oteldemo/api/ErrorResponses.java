package io.oteldemo.api;

import io.oteldemo.error.ErrorBody;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.OptionalLong;

/** Builds the error response: status, JSON body with the trace id, and Retry-After. */
@ApplicationScoped
public class ErrorResponses {

  @Inject RequestTrace trace;

  public Response of(ErrorCode code, String message) {
    return of(code, message, null, OptionalLong.empty());
  }

  public Response of(
      ErrorCode code, String message, Map<String, Object> details, OptionalLong retryAfter) {
    ErrorBody body =
        new ErrorBody(new ErrorBody.Error(code.name(), message, details), trace.traceId());
    Response.ResponseBuilder response =
        Response.status(code.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    retryAfter.ifPresent(seconds -> response.header("Retry-After", seconds));
    return response.build();
  }

  public String traceId() {
    return trace.traceId();
  }

  /** The request's log tag: trace id (the one in the body) and span id. */
  public String logTag() {
    return trace.logTag();
  }
}
