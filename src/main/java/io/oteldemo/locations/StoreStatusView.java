package io.oteldemo.locations;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /db/status}: the store answers, and what it is. */
@Schema(name = "LocationStoreStatus")
@JsonbPropertyOrder({"status", "database", "serverVersion", "host", "port", "traceId"})
public record StoreStatusView(
    @Schema(
            description = "Always connected: a store that does not answer is a 503",
            enumeration = {"connected"},
            example = "connected")
        String status,
    @Schema(description = "The store's database", example = "owntracks") String database,
    @Schema(
            description = "What serves the store and in which version",
            example = "OwnTracks Recorder .rec files")
        @JsonbProperty("server_version")
        String serverVersion,
    @Schema(
            description =
                "The store's host; only when the operator sets HEALTH_REPORT_TARGETS=true and"
                    + " the store has one (a folder of files has none)",
            example = "postgres.example.internal")
        String host,
    @Schema(description = "The store's port; as host", example = "5432") Integer port,
    @Schema(
            description = "W3C trace id of the request, also in the x-trace-id header",
            example = "4bf92f3577b34da6a3ce929d0e0e4736")
        @JsonbProperty("trace_id")
        String traceId) {

  static final String CONNECTED = "connected";

  /** The view of a connected store; its host and port only when {@code reportTarget}. */
  static StoreStatusView of(StoreStatus status, boolean reportTarget, String traceId) {
    return new StoreStatusView(
        CONNECTED,
        status.database(),
        status.serverVersion(),
        reportTarget ? status.host().orElse(null) : null,
        reportTarget && status.port().isPresent() ? status.port().getAsInt() : null,
        traceId);
  }
}
