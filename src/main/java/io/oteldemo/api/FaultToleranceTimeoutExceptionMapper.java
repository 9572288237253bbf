package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Fault Tolerance's timeout on a worker call passed (a backstop: the gRPC deadline normally fires
 * first and is answered by {@link WorkerExceptionMapper}): 504, as a passed deadline.
 */
@Provider
@ApplicationScoped
public class FaultToleranceTimeoutExceptionMapper implements ExceptionMapper<TimeoutException> {

  private static final Logger LOG =
      Logger.getLogger(FaultToleranceTimeoutExceptionMapper.class.getName());

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(TimeoutException e) {
    LOG.warning(() -> "Distance worker call timed out " + errors.logTag());
    return errors.of(ErrorCode.GATEWAY_TIMEOUT, "The distance worker did not answer in time");
  }
}
