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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /chain}, a trace demonstration of otel-ui's OTel Testing page: one trace across the
 * location store, Redis and the worker. It calls real components, so it needs a token and takes
 * from the caller's status bucket.
 */
@TokenRequired
@Path("/chain")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Trace demonstrations")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
public class ChainResource {

  @Inject CurrentUser user;
  @Inject RequestTrace trace;
  @Inject ChainDemonstration chain;

  @GET
  @RateLimited(RouteClass.STATUS)
  @Operation(summary = "One trace across the location store, Redis and the worker")
  @APIResponse(
      responseCode = "200",
      description = "Every step ran; status and results say whether each succeeded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChainView.class)))
  public ChainView chain() {
    user.require();
    return chain.run(trace.traceId());
  }
}
