package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.redis.SharedStateUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Answers a failure of the shared state (Redis) with 503 and Retry-After: the request may be
 * repeated as it was. The cause is logged with the trace id, never shown to the client.
 */
@Provider
@ApplicationScoped
public class SharedStateExceptionMapper
    implements ExceptionMapper<SharedStateUnavailableException> {

  private static final Logger LOG = Logger.getLogger(SharedStateExceptionMapper.class.getName());

  /** Seconds a client should wait: Redis timeouts are short, failovers take a few seconds. */
  static final long RETRY_AFTER_SECONDS = 5;

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(SharedStateUnavailableException e) {
    LOG.warning(() -> e.getMessage() + " " + errors.logTag());
    return errors.of(
        ErrorCode.SERVICE_UNAVAILABLE,
        "The service's shared state is unavailable; try again shortly",
        null,
        OptionalLong.of(RETRY_AFTER_SECONDS));
  }
}
