package io.oteldemo.tracedemo;

import io.oteldemo.DistanceApiApplication;
import io.oteldemo.auth.CurrentUser;
import io.oteldemo.auth.TokenRequired;
import io.oteldemo.error.ErrorBody;
import io.oteldemo.ratelimit.RateLimited;
import io.oteldemo.ratelimit.RouteClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /error}, a trace demonstration of otel-ui's OTel Testing page: always 500. Each call
 * is logged and counted, so it needs a token and takes from the caller's status bucket.
 */
@TokenRequired
@Path("/error")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Trace demonstrations")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
public class ErrorResource {

  @Inject CurrentUser user;
  @Inject ErrorDemonstration error;

  @GET
  @RateLimited(RouteClass.STATUS)
  @Operation(summary = "A deliberate 500: traced, counted and logged once")
  @APIResponse(
      responseCode = "500",
      description = "Always",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorBody.class)))
  public void error() {
    user.require();
    error.fail();
  }
}
