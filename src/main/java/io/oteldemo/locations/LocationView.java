package io.oteldemo.locations;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One location as {@code /db/locations} answers it; a value the phone did not send is null. */
@Schema(name = "Location")
@JsonbPropertyOrder({
  "id",
  "deviceId",
  "tid",
  "latitude",
  "longitude",
  "accuracy",
  "altitude",
  "velocity",
  "battery",
  "createdAt"
})
public record LocationView(
    @Schema(
            description =
                "Stable while the record is stored; in the OwnTracks Recorder store derived from"
                    + " the record's line (below 2^53)",
            example = "6340714080819935")
        long id,
    @Schema(example = "iphone_stuart") @JsonbProperty("device_id") String deviceId,
    @Schema(
            description = "Tracker id, as the OwnTracks app shows it",
            example = "st",
            nullable = true)
        @JsonbNillable
        String tid,
    @Schema(format = "double", example = "40.736071") double latitude,
    @Schema(format = "double", example = "-74.039424") double longitude,
    @Schema(description = "Metres", example = "25", nullable = true) @JsonbNillable
        Integer accuracy,
    @Schema(description = "Metres", format = "double", example = "5", nullable = true)
        @JsonbNillable
        Double altitude,
    @Schema(description = "km/h", example = "0", nullable = true) @JsonbNillable Integer velocity,
    @Schema(description = "Percent", example = "58", nullable = true) @JsonbNillable
        Integer battery,
    @Schema(
            description = "When the position was taken (ISO-8601, UTC)",
            example = "2026-01-25T15:24:54Z")
        @JsonbProperty("created_at")
        Instant createdAt) {

  static LocationView of(LocationRecord record) {
    return new LocationView(
        record.id(),
        record.deviceId(),
        record.tid().orElse(null),
        record.position().latitude(),
        record.position().longitude(),
        boxed(record.accuracy()),
        boxed(record.altitude()),
        boxed(record.velocity()),
        boxed(record.battery()),
        record.timestamp());
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
