package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oteldemo.testing.RecordingEvent;
import io.oteldemo.worker.WorkerJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A job's state now: kept without asking, else asked for and kept once final. */
class JobKeeperTest {

  private final JobRegistry registry =
      new InMemoryJobRegistry(Clock.systemUTC(), Duration.ofHours(24));
  private final RecordingEvent<JobFinished> finished = new RecordingEvent<>();
  private final JobKeeper keeper = new JobKeeper(registry, finished);
  private final AtomicInteger asked = new AtomicInteger();
  private final RegisteredJob job =
      new RegisteredJob(
          "job-1", "alice", LocalDate.of(2026, 1, 25), Optional.empty(), Instant.now());

  @Test
  void anUnfinishedJobIsAskedForEachTimeAndNotKept() {
    registry.register(job);

    assertEquals(
        FinalViews.running("job-1"), keeper.current(job, answering(FinalViews.running("job-1"))));
    assertEquals(
        FinalViews.running("job-1"), keeper.current(job, answering(FinalViews.running("job-1"))));

    assertEquals(2, asked.get());
    assertEquals(Optional.empty(), registry.find("alice", "job-1").orElseThrow().kept());
    assertEquals(0, finished.fired().size());
  }

  @Test
  void aFinishedJobIsKeptOnceAndThenAnsweredWithoutAsking() {
    registry.register(job);

    assertEquals(
        FinalViews.completed("job-1"),
        keeper.current(job, answering(FinalViews.completed("job-1"))));
    RegisteredJob kept = registry.find("alice", "job-1").orElseThrow();
    assertEquals(
        FinalViews.completed("job-1"), keeper.current(kept, answering(FinalViews.failed("job-1"))));

    assertEquals(1, asked.get(), "the kept view is answered without asking");
    assertEquals(1, finished.fired().size());
  }

  @Test
  void theWorkersFailurePropagatesAndNothingIsKept() {
    registry.register(job);
    IllegalStateException down = new IllegalStateException("worker down");

    assertEquals(
        down,
        assertThrows(
            IllegalStateException.class,
            () ->
                keeper.current(
                    job,
                    () -> {
                      throw down;
                    })));
    assertEquals(Optional.empty(), registry.find("alice", "job-1").orElseThrow().kept());
  }

  private Supplier<WorkerJob> answering(WorkerJob view) {
    return () -> {
      asked.incrementAndGet();
      return view;
    };
  }
}
