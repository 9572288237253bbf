package io.oteldemo.tracedemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /slow} hands its answer to the scheduler and returns: nothing is answered, and the wait's
 * span stays open, until the scheduled task runs; then the answer and the span carry the delay that
 * was scheduled.
 */
class SlowDemonstrationTest {

  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final ManualAnswers answers = new ManualAnswers();
  private final List<SlowView> answered = new ArrayList<>();

  @AfterEach
  void close() {
    telemetry.close();
  }

  @Test
  void theAnswerWaitsForTheScheduledDelayAndCarriesIt() {
    SlowDemonstration slow =
        new SlowDemonstration(telemetry.openTelemetry(), answers, new RandomDelay(new Random(7)));
    Span request = telemetry.startRequestSpan();
    try (Scope ignored = request.makeCurrent()) {
      slow.start("4bf92f3577b34da6a3ce929d0e0e4736", answered::add);
    }

    assertEquals(List.of(), answered, "nothing is answered before the delay is over");
    assertEquals(List.of(), telemetry.endedSpans(), "the wait's span is open while it waits");
    assertEquals(1, answers.delays.size(), "one answer scheduled");
    Duration delay = answers.delays.get(0);
    assertTrue(
        delay.compareTo(RandomDelay.SHORTEST) >= 0 && delay.compareTo(RandomDelay.LONGEST) <= 0,
        () -> "scheduled within 0.5 to 2.0 s: " + delay);

    answers.runAll();
    request.end();

    double seconds = delay.toMillis() / 1000.0;
    assertEquals(
        List.of(new SlowView(SlowView.COMPLETE, seconds, "4bf92f3577b34da6a3ce929d0e0e4736")),
        answered);
    SpanData wait = telemetry.span(SlowDemonstration.SPAN);
    assertEquals(seconds, wait.getAttributes().get(SlowDemonstration.DELAY_SECONDS));
    assertEquals(
        telemetry.span("GET /test").getSpanId(),
        wait.getParentSpanId(),
        "the wait is a child of the request's span");
  }

  /** Keeps the scheduled answers, for the test to run. */
  private static final class ManualAnswers extends DelayedAnswers {

    final List<Duration> delays = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void after(Duration delay, Runnable answer) {
      delays.add(delay);
      tasks.add(answer);
    }

    void runAll() {
      tasks.forEach(Runnable::run);
    }
  }
}
