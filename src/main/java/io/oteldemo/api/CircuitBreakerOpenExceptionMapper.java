package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.worker.WorkerBreakerDelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A worker call refused at once by its open circuit breaker: 503 with a Retry-After of the
 * breaker's configured delay. (Redis's breaker, in the rate limiter, never reaches this mapper: the
 * rate limiter answers its open circuit by its outage policy.)
 */
@Provider
@ApplicationScoped
public class CircuitBreakerOpenExceptionMapper
    implements ExceptionMapper<CircuitBreakerOpenException> {

  private static final Logger LOG =
      Logger.getLogger(CircuitBreakerOpenExceptionMapper.class.getName());

  @Inject ErrorResponses errors;

  @Inject WorkerBreakerDelay breakerDelay;

  @Override
  public Response toResponse(CircuitBreakerOpenException e) {
    long retryAfter = breakerDelay.retryAfterSeconds();
    LOG.fine(
        () -> "Distance worker circuit open, retry after " + retryAfter + " s " + errors.logTag());
    return errors.of(
        ErrorCode.SERVICE_UNAVAILABLE,
        "The distance worker is unavailable; calls to it are paused",
        null,
        OptionalLong.of(retryAfter));
  }
}
