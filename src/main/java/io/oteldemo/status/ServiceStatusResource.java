package io.oteldemo.status;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /health} and {@code /ready} as otel-ui reads them: its Dashboard paints the API green only
 * on {@code {"status":"healthy"}}. Public, like the probes; they reveal nothing but up or down (the
 * names of the checks that are down). Kubernetes probes MicroProfile Health on the management port.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Service")
public class ServiceStatusResource {

  /** The body of a healthy or ready answer. */
  @Schema(name = "ServiceStatus")
  public record ServiceStatus(
      @Schema(description = "healthy (GET /health) or ready (GET /ready)", examples = "healthy")
          String status) {}

  private static final ServiceStatus HEALTHY = new ServiceStatus("healthy");
  private static final ServiceStatus READY = new ServiceStatus("ready");

  @Inject HealthChecks checks;

  @GET
  @Path("health")
  @Operation(
      summary = "Whether the service is alive",
      description = "The application's liveness checks; Kubernetes probes the management port.")
  @APIResponse(
      responseCode = "200",
      description = "Alive",
      content = @Content(schema = @Schema(implementation = ServiceStatus.class)))
  public ServiceStatus health() {
    requireUp(checks.notLive(), "The service is not healthy");
    return HEALTHY;
  }

  @GET
  @Path("ready")
  @Operation(
      summary = "Whether the service takes requests",
      description =
          "The application's readiness checks (those of /health/ready on the management port).")
  @APIResponse(
      responseCode = "200",
      description = "Ready",
      content = @Content(schema = @Schema(implementation = ServiceStatus.class)))
  public ServiceStatus ready() {
    requireUp(checks.notReady(), "The service is not ready");
    return READY;
  }

  private static void requireUp(List<String> down, String message) {
    if (!down.isEmpty()) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE,
          message,
          Map.of("checks_down", down),
          OptionalLong.empty());
    }
  }
}
