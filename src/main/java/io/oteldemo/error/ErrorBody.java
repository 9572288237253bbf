package io.oteldemo.error;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one shape of every error the API answers: {@code {"error":{...},"trace_id":"..."}}. */
@Schema(name = "ErrorResponse", description = "Every error answer of the API")
@JsonbPropertyOrder({"error", "traceId"})
public record ErrorBody(
    @Schema(required = true) Error error,
    @Schema(
            description = "W3C trace id of the request, also in the x-trace-id header",
            example = "4bf92f3577b34da6a3ce929d0e0e4736")
        @JsonbProperty("trace_id")
        String traceId) {

  /** The error itself. */
  @Schema(name = "Error")
  @JsonbPropertyOrder({"code", "message", "details"})
  public record Error(
      // Its enumeration is ErrorCode's names, added to the document by ErrorCodesFilter.
      @Schema(required = true, example = "VALIDATION_ERROR") String code,
      @Schema(required = true, example = "date must use the format YYYY-MM-DD") String message,
      @Schema(
              description = "Machine-readable context, e.g. the offending field and value",
              example = "{\"field\":\"date\",\"value\":\"2026-13-01\"}")
          Map<String, Object> details) {}
}
