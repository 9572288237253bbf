package io.oteldemo.status;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code GET /info} reports: the service, its build and environment, the trace id. */
@Schema(name = "ServiceInfo")
@JsonbPropertyOrder({
  "service",
  "version",
  "buildNumber",
  "buildDate",
  "environment",
  "message",
  "traceId"
})
public record InfoView(
    @Schema(
            required = true,
            description = "The service name its telemetry carries (otel.service.name)",
            example = "otel-demo")
        String service,
    @Schema(required = true, description = "The pom's version", example = "0.1.0") String version,
    @Schema(
            required = true,
            description =
                "The build number CI passed to the build (local for a build on a workstation);"
                    + " the image's io.oteldemo.build.number label",
            example = "142")
        @JsonbProperty("build_number")
        String buildNumber,
    @Schema(
            required = true,
            description =
                "When the WAR was built, UTC; the image's org.opencontainers.image.created label",
            example = "2026-12-06T09:30:00Z")
        @JsonbProperty("build_date")
        String buildDate,
    @Schema(
            required = true,
            description = "The deployment environment (DEPLOYMENT_ENVIRONMENT)",
            example = "production")
        String environment,
    @Schema(required = true, example = ServiceInfo.MESSAGE) String message,
    @Schema(
            required = true,
            description = "W3C trace id of the request, also in the x-trace-id header",
            example = "4bf92f3577b34da6a3ce929d0e0e4736")
        @JsonbProperty("trace_id")
        String traceId) {}
