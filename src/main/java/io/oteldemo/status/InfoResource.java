package io.oteldemo.status;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /info}: which service and build answers, for otel-ui's Dashboard (its version) and for
 * checking a deployment against its image. Public: it says nothing a client of any page could not
 * learn from the image's labels, and nothing secret, no host name.
 */
@Path("/info")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Service")
public class InfoResource {

  @Inject ServiceInfo service;
  @Inject RequestTrace trace;

  @GET
  @Operation(
      summary = "The service, its build and environment",
      description =
          "Version, build number and build date are those the build stamped into the"
              + " application, the same as the container image's labels. No token needed.")
  @APIResponse(
      responseCode = "200",
      description = "The service",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InfoView.class)))
  public InfoView info() {
    return service.view(trace.traceId());
  }
}
