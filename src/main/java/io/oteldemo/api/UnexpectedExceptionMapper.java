package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catch-all for our own defects: logged once here with the trace id, answered with a generic
 * 500 that reveals nothing of the internals.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(Throwable e) {
    LOG.log(Level.SEVERE, "Unexpected error " + errors.logTag(), e);
    return errors.of(
        ErrorCode.INTERNAL_ERROR, "Internal error; quote the trace_id when reporting it");
  }
}
