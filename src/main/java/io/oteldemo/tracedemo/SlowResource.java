package io.oteldemo.tracedemo;

import io.oteldemo.DistanceApiApplication;
import io.oteldemo.auth.CurrentUser;
import io.oteldemo.auth.TokenRequired;
import io.oteldemo.ratelimit.RateLimited;
import io.oteldemo.ratelimit.RouteClass;
import io.oteldemo.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /slow}, a trace demonstration of otel-ui's OTel Testing page: an answer held for a
 * random delay, asynchronously, so that no request thread waits. A held answer costs the server, so
 * it needs a token and takes from the caller's status bucket.
 */
@TokenRequired
@Path("/slow")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Trace demonstrations")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
public class SlowResource {

  @Inject CurrentUser user;
  @Inject RequestTrace trace;
  @Inject SlowDemonstration slow;

  @GET
  @RateLimited(RouteClass.STATUS)
  @Operation(summary = "An answer held for a random 0.5 to 2.0 s")
  @APIResponse(
      responseCode = "200",
      description = "The delay is over",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SlowView.class)))
  public void slow(@Suspended AsyncResponse response) {
    user.require();
    slow.start(trace.traceId(), response::resume);
  }
}
