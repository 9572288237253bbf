package io.oteldemo.tracedemo;

import io.opentelemetry.api.trace.Span;

/**
 * One step of {@code GET /chain}: a call to a real component, made inside a span of its own (the
 * step's name) that is current while it runs, so that the calls it makes (a gRPC call's CLIENT
 * span) become its children.
 */
interface ChainStep {

  /** The step's name, in the answer and as its span's name. */
  String name();

  /**
   * Calls the component; puts what describes the call on {@code span}.
   *
   * @return what the component answered; a step that fails either says so or throws
   */
  StepResult run(Span span);
}
