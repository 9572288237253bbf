package io.oteldemo.api;

import io.oteldemo.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers the problems our own code found in a request. */
@Provider
@ApplicationScoped
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(ApiException e) {
    Response.ResponseBuilder response =
        Response.fromResponse(
            errors.of(e.code(), e.getMessage(), e.details(), e.retryAfterSeconds()));
    e.headers().forEach(response::header);
    return response.build();
  }
}
