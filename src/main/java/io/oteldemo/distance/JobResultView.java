package io.oteldemo.distance;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The metrics of a completed job and where to download its CSV. */
@Schema(name = "JobResult")
@JsonbPropertyOrder({
  "csvDownloadUrl", "totalDistanceKm", "totalLocations", "maxDistanceKm",
  "minDistanceKm", "processingTimeMs", "date", "deviceId"
})
public record JobResultView(
    @Schema(example = "/api/distance/download/distance_20260125_iphone_stuart.csv")
        @JsonbProperty("csv_download_url")
        String csvDownloadUrl,
    @Schema(description = "Sum of every location's distance from home", example = "2318.67")
        @JsonbProperty("total_distance_km")
        double totalDistanceKm,
    @Schema(example = "78") @JsonbProperty("total_locations") int totalLocations,
    @Schema(example = "58.35") @JsonbProperty("max_distance_km") double maxDistanceKm,
    @Schema(example = "0.0004") @JsonbProperty("min_distance_km") double minDistanceKm,
    @Schema(example = "12") @JsonbProperty("processing_time_ms") long processingTimeMs,
    @Schema(example = "2026-01-25") String date,
    @Schema(description = "null when the job covered every device", example = "iphone_stuart")
        @JsonbProperty("device_id")
        @JsonbNillable
        String deviceId) {}
