package io.oteldemo.distance;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One job in a list. */
@Schema(name = "JobSummary")
@JsonbPropertyOrder({"jobId", "status", "date", "deviceId", "queuedAt", "completedAt"})
public record JobSummaryView(
    @JsonbProperty("job_id") String jobId,
    @Schema(enumeration = {"queued", "processing", "completed", "failed"}) String status,
    @Schema(example = "2026-01-25") String date,
    @Schema(description = "null when the job covers every device")
        @JsonbProperty("device_id")
        @JsonbNillable
        String deviceId,
    @JsonbProperty("queued_at") Instant queuedAt,
    @Schema(description = "Present once the job ended") @JsonbProperty("completed_at")
        Instant completedAt) {}
