package io.oteldemo.tracedemo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.oteldemo.locations.LocationPage;
import io.oteldemo.locations.LocationQuery;
import io.oteldemo.locations.LocationRecord;
import io.oteldemo.locations.LocationStore;
import io.oteldemo.locations.StoreStatus;
import io.oteldemo.redis.RedisProcess;
import io.oteldemo.testing.RedisServer;
import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerHealth;
import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobPage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each step of the chain against a component of the test's own: what it reports, and what it puts
 * on its span. Redis is a real one, started for the test.
 */
class ChainStepsTest {

  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

  @AfterEach
  void close() {
    telemetry.close();
  }

  @Test
  void theLocationStoreStepReportsWhetherTheStoreAnswers() {
    StepResult connected = run(new LocationStoreStep(store(true)));
    SpanData span = telemetry.endedSpans().get(0);
    assertEquals(StepResult.ok(LocationStoreStep.NAME, "connected"), connected);
    assertEquals(true, span.getAttributes().get(LocationStoreStep.CONNECTED));
    assertEquals("status", span.getAttributes().get(LocationStoreStep.DB_OPERATION));
    assertEquals("owntracks", span.getAttributes().get(LocationStoreStep.DB_NAMESPACE));

    StepResult down = run(new LocationStoreStep(store(false)));
    assertEquals(StepResult.FAILED, down.outcome());
    assertEquals(
        false, telemetry.endedSpans().get(1).getAttributes().get(LocationStoreStep.CONNECTED));
  }

  @Test
  @RedisServer
  void theSharedStateStepPingsRedis(UnifiedJedis redis) {
    SharedStateStep step = new SharedStateStep(Optional.of(redis));
    assertEquals(SharedStateStep.REDIS, step.name());

    assertEquals(StepResult.ok(SharedStateStep.REDIS, "PONG"), run(step));
    SpanData span = telemetry.endedSpans().get(0);
    assertEquals("redis", span.getAttributes().get(SharedStateStep.DB_SYSTEM));
    assertEquals("PING", span.getAttributes().get(SharedStateStep.DB_OPERATION));
  }

  @Test
  @RedisServer
  void aRedisThatDoesNotAnswerFailsTheStepWithTheExceptionOnItsSpan(RedisProcess own) {
    try (UnifiedJedis client = own.client(Duration.ofMillis(200))) {
      own.stop();
      StepResult result = run(new SharedStateStep(Optional.of(client)));

      assertEquals(StepResult.failed(SharedStateStep.REDIS, "Redis did not answer"), result);
      assertEquals(
          List.of("exception"),
          telemetry.endedSpans().get(0).getEvents().stream().map(EventData::getName).toList());
    }
  }

  @Test
  void withoutRedisTheStepSaysTheStateIsInProcess() {
    SharedStateStep step = new SharedStateStep(Optional.empty());

    assertEquals(SharedStateStep.IN_PROCESS, step.name());
    assertEquals(StepResult.ok(SharedStateStep.IN_PROCESS, SharedStateStep.NO_REDIS), run(step));
    assertEquals(
        "in_process",
        telemetry.endedSpans().get(0).getAttributes().get(SharedStateStep.SHARED_STATE));
  }

  @Test
  void theWorkerStepReportsTheWorkersHealth() {
    assertEquals(
        StepResult.ok(WorkerHealthStep.NAME, "SERVING"),
        run(new WorkerHealthStep(worker(WorkerHealth.SERVING))));
    assertEquals(
        StepResult.failed(WorkerHealthStep.NAME, "UNREACHABLE"),
        run(new WorkerHealthStep(worker(WorkerHealth.UNREACHABLE))));
    assertEquals(
        List.of("SERVING", "UNREACHABLE"),
        telemetry.endedSpans().stream()
            .map(span -> span.getAttributes().get(AttributeKey.stringKey("worker.health")))
            .toList());
  }

  private StepResult run(ChainStep step) {
    Span span = telemetry.openTelemetry().getTracer("test").spanBuilder(step.name()).startSpan();
    try {
      return step.run(span);
    } finally {
      span.end();
    }
  }

  /** A store that only reports its status: the chain's step reads nothing else of it. */
  private static LocationStore store(boolean connected) {
    return new LocationStore() {
      @Override
      public StoreStatus status() {
        return new StoreStatus(connected, "owntracks", "1", Optional.empty(), OptionalInt.empty());
      }

      @Override
      public List<LocationRecord> locations(LocalDate day, Optional<String> deviceId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public LocationPage page(LocationQuery query) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static DistanceWorkerClient worker(WorkerHealth health) {
    return new DistanceWorkerClient() {
      @Override
      public QueuedJob calculate(LocalDate date, Optional<String> deviceId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public WorkerJob jobStatus(String jobId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset) {
        throw new UnsupportedOperationException();
      }

      @Override
      public WorkerHealth health() {
        return health;
      }
    };
  }
}
