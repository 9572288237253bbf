package io.oteldemo.tracedemo;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code GET /slow} answers once its delay has passed. */
@Schema(name = "SlowDemonstration")
@JsonbPropertyOrder({"status", "delaySeconds", "traceId"})
public record SlowView(
    @Schema(
            required = true,
            enumeration = {SlowView.COMPLETE},
            example = COMPLETE)
        String status,
    @Schema(
            required = true,
            description =
                "How long the answer was held, 0.5 to 2.0 s, to the millisecond; also the"
                    + " attribute demo.delay_seconds of the request's delay span",
            minimum = "0.5",
            maximum = "2.0",
            example = "1.234")
        @JsonbProperty("delay_seconds")
        double delaySeconds,
    @Schema(
            required = true,
            description = "W3C trace id of the request, also in the x-trace-id header",
            example = "4bf92f3577b34da6a3ce929d0e0e4736")
        @JsonbProperty("trace_id")
        String traceId) {

  static final String COMPLETE = "complete";
}
