package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/** Every permitted concurrent call to the worker is in use: 503 at once, try again in 1 s. */
@Provider
@ApplicationScoped
public class BulkheadExceptionMapper implements ExceptionMapper<BulkheadException> {

  private static final Logger LOG = Logger.getLogger(BulkheadExceptionMapper.class.getName());

  static final long RETRY_AFTER_SECONDS = 1;

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(BulkheadException e) {
    LOG.warning(() -> "Distance worker bulkhead full " + errors.logTag());
    return errors.of(
        ErrorCode.SERVICE_UNAVAILABLE,
        "Too many requests to the distance worker are in progress",
        null,
        OptionalLong.of(RETRY_AFTER_SECONDS));
  }
}
