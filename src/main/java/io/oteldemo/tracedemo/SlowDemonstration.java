package io.oteldemo.tracedemo;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code GET /slow}: holds the answer for a random {@link RandomDelay} without holding a thread.
 * The wait is a child span of the request's span, {@value #SPAN}, with the delay as its attribute
 * {@code demo.delay_seconds}; {@link DelayedAnswers} resumes the answer when it ends.
 */
@ApplicationScoped
public class SlowDemonstration {

  static final String SPAN = "delay";
  static final AttributeKey<Double> DELAY_SECONDS = AttributeKey.doubleKey("demo.delay_seconds");

  @Inject OpenTelemetry openTelemetry;
  @Inject DelayedAnswers answers;

  private Tracer tracer;
  private RandomDelay delays;

  public SlowDemonstration() {}

  SlowDemonstration(OpenTelemetry openTelemetry, DelayedAnswers answers, RandomDelay delays) {
    this.openTelemetry = openTelemetry;
    this.answers = answers;
    this.tracer = openTelemetry.getTracer(ChainDemonstration.INSTRUMENTATION_NAME);
    this.delays = delays;
  }

  @PostConstruct
  void init() {
    tracer = openTelemetry.getTracer(ChainDemonstration.INSTRUMENTATION_NAME);
    delays = new RandomDelay(new SecureRandom());
  }

  /**
   * Starts the wait and returns at once; {@code answer} gets the answer when the wait is over, on
   * {@link DelayedAnswers}' thread (the resource passes its suspended response's {@code resume}).
   */
  public void start(String traceId, Consumer<SlowView> answer) {
    Duration delay = delays.next();
    double seconds = RandomDelay.seconds(delay);
    Span wait = tracer.spanBuilder(SPAN).setAttribute(DELAY_SECONDS, seconds).startSpan();
    answers.after(
        delay,
        () -> {
          wait.end();
          answer.accept(new SlowView(SlowView.COMPLETE, seconds, traceId));
        });
  }
}
