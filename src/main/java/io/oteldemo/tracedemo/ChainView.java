package io.oteldemo.tracedemo;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code GET /chain} answers: the steps in the order they ran, each one's result. */
@Schema(name = "ChainDemonstration")
@JsonbPropertyOrder({"status", "steps", "results", "traceId"})
public record ChainView(
    @Schema(
            required = true,
            enumeration = {ChainView.COMPLETE, ChainView.DEGRADED},
            description = "complete: every step succeeded; degraded: at least one failed",
            example = COMPLETE)
        String status,
    @Schema(
            required = true,
            description =
                "The steps in the order they ran, each the name of its span. The second is"
                    + " redis_ping, or in_process_state when REDIS_URL is not set",
            example = "[\"location_store_status\",\"redis_ping\",\"worker_health_check\"]")
        List<String> steps,
    @Schema(required = true, description = "Each step's outcome, in the same order")
        List<StepResult> results,
    @Schema(
            required = true,
            description = "W3C trace id of the request, also in the x-trace-id header",
            example = "4bf92f3577b34da6a3ce929d0e0e4736")
        @JsonbProperty("trace_id")
        String traceId) {

  static final String COMPLETE = "complete";
  static final String DEGRADED = "degraded";

  static ChainView of(List<StepResult> results, String traceId) {
    boolean complete = results.stream().allMatch(StepResult::succeeded);
    return new ChainView(
        complete ? COMPLETE : DEGRADED,
        results.stream().map(StepResult::name).toList(),
        List.copyOf(results),
        traceId);
  }
}
