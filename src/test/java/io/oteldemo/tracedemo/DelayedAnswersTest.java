package io.oteldemo.tracedemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler of held answers runs each one on its own thread, not the caller's, never before its
 * delay; once stopped it takes no more.
 */
class DelayedAnswersTest {

  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

  @AfterEach
  void close() {
    telemetry.close();
  }

  @Test
  void anAnswerRunsOnTheSchedulersThreadAfterItsDelayInTheTraceItWasScheduledIn() throws Exception {
    DelayedAnswers answers = new DelayedAnswers(new AnswerContext());
    answers.start();
    Span request = telemetry.startRequestSpan();
    try {
      CompletableFuture<String> ranOn = new CompletableFuture<>();
      CompletableFuture<SpanContext> ranIn = new CompletableFuture<>();
      long scheduled = System.nanoTime();
      try (Scope ignored = request.makeCurrent()) {
        answers.after(
            Duration.ofMillis(100),
            () -> {
              ranIn.complete(Span.current().getSpanContext());
              ranOn.complete(Thread.currentThread().getName());
            });
      }
      String caller = Thread.currentThread().getName();

      String thread = ranOn.get(10, TimeUnit.SECONDS);
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - scheduled);
      assertEquals("otel-demo-delayed-answers", thread, "not the caller's thread " + caller);
      assertTrue(waitedMillis >= 100, () -> "ran after " + waitedMillis + " ms, before its delay");
      assertEquals(request.getSpanContext(), ranIn.get(), "the request's span is current again");
    } finally {
      request.end();
      answers.stop();
    }
  }

  @Test
  void aStoppedSchedulerTakesNoMoreAnswers() {
    DelayedAnswers answers = new DelayedAnswers(new AnswerContext());
    answers.start();
    answers.stop();

    assertThrows(
        RejectedExecutionException.class, () -> answers.after(Duration.ofMillis(1), () -> {}));
  }
}
