package io.oteldemo.auth;

import io.oteldemo.DistanceApiApplication;
import io.oteldemo.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who the token says the caller is. Besides letting a client check its token, it is the cheapest
 * authenticated answer the server gives (token checks, tracing and JSON, no Redis, no worker): the
 * baseline the headline benchmark compares the jobs endpoint with. Deliberately not rate limited,
 * as it costs nothing beyond authentication.
 */
@Path("/api/whoami")
@TokenRequired
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Caller")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
public class WhoAmIResource {

  @Inject CurrentUser user;
  @Inject RequestTrace trace;

  @GET
  @Operation(
      summary = "The caller, as the token identifies them",
      description =
          "The token's sub (what jobs and rate limits belong to), user name, groups"
              + " and kind. Not rate limited.")
  @APIResponse(
      responseCode = "200",
      description = "The caller",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WhoAmIView.class)))
  public WhoAmIView whoAmI() {
    CurrentUser.AuthenticatedUser caller = user.require();
    return new WhoAmIView(
        caller.subject(),
        caller.username(),
        List.copyOf(caller.groups()),
        caller.tokenUse().claimValue(),
        trace.traceId());
  }
}
