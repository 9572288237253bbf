package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.worker.WorkerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;
import java.util.logging.Logger;

/** Answers the worker's failures: unreachable or busy 503, too slow 504, anything odd 502. */
@Provider
@ApplicationScoped
public class WorkerExceptionMapper implements ExceptionMapper<WorkerException> {

  private static final Logger LOG = Logger.getLogger(WorkerExceptionMapper.class.getName());

  /** Seconds a client should wait before trying again when the worker is down or full. */
  static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

  static final long BUSY_RETRY_AFTER_SECONDS = 10;

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(WorkerException e) {
    ErrorCode code = codeFor(e.kind());
    if (code.status() >= 500) {
      LOG.warning(
          () ->
              "Distance worker call failed: "
                  + e.kind()
                  + (e.grpcCode() == null ? "" : " (gRPC " + e.grpcCode() + ")")
                  + " "
                  + errors.logTag());
    }
    return errors.of(code, e.getMessage(), null, retryAfter(e.kind()));
  }

  static ErrorCode codeFor(WorkerException.Kind kind) {
    return switch (kind) {
      case UNAVAILABLE, BUSY -> ErrorCode.SERVICE_UNAVAILABLE;
      case TIMEOUT -> ErrorCode.GATEWAY_TIMEOUT;
      case NOT_FOUND -> ErrorCode.NOT_FOUND;
      case INVALID_ARGUMENT -> ErrorCode.VALIDATION_ERROR;
      case FAILED -> ErrorCode.BAD_GATEWAY;
    };
  }

  private static OptionalLong retryAfter(WorkerException.Kind kind) {
    return switch (kind) {
      case UNAVAILABLE -> OptionalLong.of(UNAVAILABLE_RETRY_AFTER_SECONDS);
      case BUSY -> OptionalLong.of(BUSY_RETRY_AFTER_SECONDS);
      default -> OptionalLong.empty();
    };
  }
}
