package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.oteldemo.deviceaccess.DeviceAccessTest;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.idempotency.IdempotencyKey;
import io.oteldemo.idempotency.IdempotencyKeyInFlightException;
import io.oteldemo.idempotency.IdempotencyKeyMismatchException;
import io.oteldemo.idempotency.InProcessIdempotencyStore;
import io.oteldemo.ratelimit.ReadAlongHashes;
import io.oteldemo.telemetry.RequestTrace;
import io.oteldemo.worker.WorkerException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Idempotency keys, coalescing and ownership as the API's service applies them. */
class DistanceJobServiceTest {

  private static final CalculateCommand PHONE_DAY =
      new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));
  private static final CalculateCommand EVERY_DEVICE_DAY =
      new CalculateCommand(LocalDate.of(2026, 1, 25), Optional.empty());
  private static final Optional<IdempotencyKey> KEY = Optional.of(new IdempotencyKey("k-1"));

  private final FakeWorker worker = new FakeWorker();
  private final JobQueue queue = JobQueueTest.queue(worker, true);
  private final InProcessIdempotencyStore idempotency =
      new InProcessIdempotencyStore(
          Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(60));
  private final TestUser user = new TestUser("alice");
  private final DistanceJobService service = service();

  private DistanceJobService service() {
    DistanceJobService service = new DistanceJobService();
    service.current = CurrentJobsTest.current(worker, queue.registry);
    service.readAlong = new ReadAlongHashes();
    service.registry = queue.registry;
    service.queue = queue;
    service.idempotency = idempotency;
    queue.recorder.idempotency = idempotency;
    service.user = user;
    service.deviceAccess = DeviceAccessTest.access("");
    service.trace = new RequestTrace();
    return service;
  }

  @Test
  void aDeviceTheUsersGroupsAreNotGrantedQueuesNothingAndLeavesTheKeyUnused() {
    service.deviceAccess = DeviceAccessTest.access("family=*");

    ApiException e = assertThrows(ApiException.class, () -> service.calculate(PHONE_DAY, KEY));
    assertEquals(ErrorCode.FORBIDDEN, e.code());
    assertThrows(ApiException.class, () -> service.calculate(EVERY_DEVICE_DAY, Optional.empty()));
    assertEquals(0, worker.calculations.get(), "no job was queued");
    assertTrue(queue.registry.jobIdsOf("alice").isEmpty(), "no job was registered");

    service.deviceAccess = DeviceAccessTest.access("");
    assertFalse(
        service.calculate(PHONE_DAY, KEY).replayed(),
        "the key was not used by the refused request");
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void aRetryWithTheKeyReplaysTheFirstAnswerWithItsOwnTraceId() {
    Calculation first = service.calculate(PHONE_DAY, KEY);
    service.trace = new RequestTrace();

    Calculation retry = service.calculate(PHONE_DAY, KEY);

    assertFalse(first.replayed());
    assertTrue(retry.replayed());
    CalculationAccepted a = first.accepted();
    CalculationAccepted b = retry.accepted();
    assertEquals(a.jobId(), b.jobId());
    assertEquals(a.status(), b.status());
    assertEquals(a.queuedAt(), b.queuedAt());
    assertEquals(a.statusUrl(), b.statusUrl());
    assertNotEquals(a.traceId(), b.traceId(), "the replay carries its own request's trace id");
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void aReplayRepeatsTheFirstAnswerEvenAfterTheJobFinished() {
    Calculation first = service.calculate(PHONE_DAY, KEY);
    worker.setStatus(first.accepted().jobId(), "completed");

    Calculation retry = service.calculate(PHONE_DAY, KEY);

    assertEquals(first.accepted().jobId(), retry.accepted().jobId());
    assertEquals("queued", retry.accepted().status());
  }

  @Test
  void theKeyWithAnotherRequestIs422() {
    service.calculate(PHONE_DAY, KEY);

    ApiException e =
        assertThrows(
            IdempotencyKeyMismatchException.class, () -> service.calculate(EVERY_DEVICE_DAY, KEY));
    assertEquals(ErrorCode.UNPROCESSABLE_ENTITY, e.code());
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void theKeyWhileItsFirstRequestIsInFlightIs409WithRetryAfter() {
    idempotency.begin("alice", KEY.get(), PHONE_DAY.fingerprint());

    ApiException e =
        assertThrows(
            IdempotencyKeyInFlightException.class, () -> service.calculate(PHONE_DAY, KEY));
    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(OptionalLong.of(1), e.retryAfterSeconds());
    assertEquals(0, worker.calculations.get());
  }

  @Test
  void aFailedFirstRequestReleasesTheKeySoTheRetryProceeds() {
    worker.calculateFailure =
        new WorkerException(
            WorkerException.Kind.UNAVAILABLE, Status.Code.UNAVAILABLE, "down", null);
    assertThrows(WorkerException.class, () -> service.calculate(PHONE_DAY, KEY));
    worker.calculateFailure = null;

    Calculation retry = service.calculate(PHONE_DAY, KEY);

    assertFalse(retry.replayed());
    assertEquals(1, worker.calculations.get());
    assertTrue(service.calculate(PHONE_DAY, KEY).replayed(), "and now the key holds its answer");
  }

  @Test
  void keysArePerUser() {
    Calculation alices = service.calculate(PHONE_DAY, KEY);
    user.subject = "bob";

    Calculation bobs = service.calculate(EVERY_DEVICE_DAY, KEY);

    assertFalse(bobs.replayed());
    assertNotEquals(alices.accepted().jobId(), bobs.accepted().jobId());
  }

  @Test
  void withoutAKeyAnIdenticalRequestGetsTheRunningJobUnmarked() {
    Calculation first = service.calculate(PHONE_DAY, Optional.empty());

    Calculation second = service.calculate(PHONE_DAY, Optional.empty());

    assertEquals(first.accepted().jobId(), second.accepted().jobId());
    assertFalse(second.replayed(), "coalescing is not an idempotent replay");
    assertEquals(1, worker.calculations.get());
  }

  @Test
  void aKeyedRequestIsNotCoalescedWithAnUnkeyedOne() {
    Calculation unkeyed = service.calculate(PHONE_DAY, Optional.empty());

    Calculation keyed = service.calculate(PHONE_DAY, KEY);

    assertNotEquals(unkeyed.accepted().jobId(), keyed.accepted().jobId());
  }

  @Test
  void anotherUsersJobIsNotFoundLikeAnUnknownOne() {
    String jobId = service.calculate(PHONE_DAY, Optional.empty()).accepted().jobId();
    assertEquals(jobId, service.job(jobId).jobId());
    user.subject = "bob";

    ApiException e = assertThrows(ApiException.class, () -> service.job(jobId));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertEquals("Job not found: " + jobId, e.getMessage(), "the same answer as an unknown id");
  }

  @Test
  void theListHoldsOnlyTheCallersJobs() {
    String alices = service.calculate(PHONE_DAY, Optional.empty()).accepted().jobId();
    worker.calculate(PHONE_DAY.date(), PHONE_DAY.deviceId()); // created outside the API
    user.subject = "bob";
    String bobs = service.calculate(PHONE_DAY, Optional.empty()).accepted().jobId();

    assertEquals(Set.of(bobs), ids(service.list(everything())));
    user.subject = "alice";
    assertEquals(Set.of(alices), ids(service.list(everything())));
    user.subject = "carol";
    assertEquals(0, service.list(everything()).totalCount());
  }

  private static JobQuery everything() {
    return new JobQuery(Optional.empty(), Optional.empty(), Optional.empty(), 50, 0);
  }

  private static Set<String> ids(JobListView list) {
    return list.jobs().stream().map(JobSummaryView::jobId).collect(Collectors.toSet());
  }
}
