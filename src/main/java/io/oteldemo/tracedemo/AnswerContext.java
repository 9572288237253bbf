package io.oteldemo.tracedemo;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Where a held answer is resumed: on {@link DelayedAnswers}' thread, which has neither the
 * request's trace nor a CDI request context. The response filters that then run need both (the
 * {@code x-trace-id} header reads the request-scoped trace id, the error mappers too): the
 * request's OpenTelemetry context is made current again, so its server span is, and a request
 * context is activated for the resumption, in which the trace id is read from that span.
 */
@ApplicationScoped
public class AnswerContext {

  /** Runs {@code answer} in the trace it was scheduled in, within a request context. */
  @ActivateRequestContext
  public void run(Context trace, Runnable answer) {
    try (Scope ignored = trace.makeCurrent()) {
      answer.run();
    }
  }
}
