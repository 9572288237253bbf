package io.oteldemo.tracedemo;

import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that finishes held answers when their time has come: a request that must wait
 * ({@code GET /slow}) hands its answer here and frees its request thread, so waiting requests hold
 * no server thread, however many there are. Each task only resumes an answer, so one thread is
 * enough.
 */
@ApplicationScoped
public class DelayedAnswers {

  @Inject AnswerContext context;

  private ScheduledExecutorService scheduler;

  public DelayedAnswers() {}

  DelayedAnswers(AnswerContext context) {
    this.context = context;
  }

  @PostConstruct
  void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "otel-demo-delayed-answers");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Runs {@code answer} once {@code delay} has passed, in the trace that is current now (see {@link
   * AnswerContext}).
   */
  public void after(Duration delay, Runnable answer) {
    Context trace = Context.current();
    scheduler.schedule(() -> context.run(trace, answer), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }
}
