package io.oteldemo.tracedemo;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one step of {@code GET /chain} went, as its answer shows it. */
@Schema(name = "ChainStepResult")
@JsonbPropertyOrder({"name", "outcome", "detail"})
public record StepResult(
    @Schema(required = true, description = "The step, as in steps[]", example = "redis_ping")
        String name,
    @Schema(
            required = true,
            enumeration = {StepResult.OK, StepResult.FAILED},
            description = "failed: the step's span has status ERROR",
            example = OK)
        String outcome,
    @Schema(required = true, description = "What the component answered", example = "PONG")
        String detail) {

  static final String OK = "ok";
  static final String FAILED = "failed";

  static StepResult ok(String name, String detail) {
    return new StepResult(name, OK, detail);
  }

  static StepResult failed(String name, String detail) {
    return new StepResult(name, FAILED, detail);
  }

  boolean succeeded() {
    return OK.equals(outcome);
  }
}
