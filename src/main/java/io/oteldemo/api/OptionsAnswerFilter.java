package io.oteldemo.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * An {@code OPTIONS} request that is no CORS preflight of an allowed origin (those Liberty answers
 * before the application) is answered by the JAX-RS runtime with its methods as a {@code
 * text/plain} body. Our answer is {@code 204 No Content} with the same {@code Allow} header: the
 * methods once, in the header HTTP defines for them, and no body in another format than ours.
 */
@Provider
@ApplicationScoped
public class OptionsAnswerFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())
        && response.getStatus() == Response.Status.OK.getStatusCode()) {
      response.setStatus(Response.Status.NO_CONTENT.getStatusCode());
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }
}
