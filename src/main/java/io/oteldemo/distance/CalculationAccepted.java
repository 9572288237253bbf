package io.oteldemo.distance;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 202 answer to a calculation: where to poll for the job. */
@Schema(name = "CalculationAccepted")
@JsonbPropertyOrder({"jobId", "status", "queuedAt", "statusUrl", "traceId"})
public record CalculationAccepted(
    @Schema(example = "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a") @JsonbProperty("job_id") String jobId,
    @Schema(example = "queued") String status,
    @Schema(example = "2026-01-26T09:15:02.123Z") @JsonbProperty("queued_at") Instant queuedAt,
    @Schema(example = "/api/distance/jobs/0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a")
        @JsonbProperty("status_url")
        String statusUrl,
    @Schema(example = "4bf92f3577b34da6a3ce929d0e0e4736") @JsonbProperty("trace_id")
        String traceId) {}
