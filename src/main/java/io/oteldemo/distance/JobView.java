package io.oteldemo.distance;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job's state; the optional members appear only once they have a value. */
@Schema(name = "Job")
@JsonbPropertyOrder({
  "jobId",
  "status",
  "date",
  "deviceId",
  "queuedAt",
  "startedAt",
  "completedAt",
  "errorMessage",
  "result",
  "traceId"
})
public record JobView(
    @Schema(example = "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a") @JsonbProperty("job_id") String jobId,
    @Schema(
            enumeration = {"queued", "processing", "completed", "failed"},
            example = "completed")
        String status,
    @Schema(example = "2026-01-25") String date,
    @Schema(description = "null when the job covers every device", example = "iphone_stuart")
        @JsonbProperty("device_id")
        @JsonbNillable
        String deviceId,
    @JsonbProperty("queued_at") Instant queuedAt,
    @Schema(description = "Present once the job started") @JsonbProperty("started_at")
        Instant startedAt,
    @Schema(description = "Present once the job ended") @JsonbProperty("completed_at")
        Instant completedAt,
    @Schema(
            description = "Present when the job failed",
            example = "no locations found for date 2026-01-20")
        @JsonbProperty("error_message")
        String errorMessage,
    @Schema(description = "Present when the job completed") JobResultView result,
    @JsonbProperty("trace_id") String traceId) {}
