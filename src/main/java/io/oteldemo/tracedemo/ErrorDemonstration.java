package io.oteldemo.tracedemo;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.oteldemo.telemetry.RequestTrace;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * {@code GET /error}: a failure as an operator meets one, on every signal once. The request's span
 * gets status ERROR and an exception event, {@value #ERRORS} counts it, one log line (no stack
 * trace) carries the trace and span ids, and the client gets 500 with the error body. otel-ui
 * retries a 500 three times, so each click is four of each.
 */
@ApplicationScoped
public class ErrorDemonstration {

  private static final Logger LOG = Logger.getLogger(ErrorDemonstration.class.getName());

  static final String ERRORS = "distance.demo.errors";

  @Inject OpenTelemetry openTelemetry;
  @Inject RequestTrace trace;

  private LongCounter errors;

  public ErrorDemonstration() {}

  ErrorDemonstration(OpenTelemetry openTelemetry, RequestTrace trace) {
    this.openTelemetry = openTelemetry;
    this.trace = trace;
    init();
  }

  @PostConstruct
  void init() {
    errors =
        openTelemetry
            .getMeter("io.oteldemo")
            .counterBuilder(ERRORS)
            .setUnit("{error}")
            .setDescription("Deliberate errors answered by GET /error")
            .build();
  }

  /** Records the failure on the current span, the counter and the log, and throws it. */
  public void fail() {
    DeliberateError error = new DeliberateError();
    Span span = Span.current();
    span.recordException(error);
    span.setStatus(StatusCode.ERROR, DeliberateError.MESSAGE);
    errors.add(1);
    LOG.info(() -> "GET /error answered 500, as it always does " + trace.logTag());
    throw error;
  }
}
