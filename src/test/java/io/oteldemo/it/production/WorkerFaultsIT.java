package io.oteldemo.it.production;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import io.oteldemo.testing.Await;
import io.oteldemo.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault injection against the production-like server: the worker answers each gRPC status, is slow,
 * flaps, or is down, and the tests observe the HTTP answers and how many calls reached the worker.
 * The policies are the production ones, tightened through configuration (see {@link
 * ProductionServer}).
 */
@ExtendWith(ProductionLikeDeployment.class)
class WorkerFaultsIT {

  static final String CALCULATE = "CalculateDistanceFromHome";
  static final String JOB_STATUS = "GetJobStatus";
  static final String LIST_JOBS = "ListJobs";
  private static final String CALCULATE_PATH = "/api/distance/calculate";
  private static final String JOBS_PATH = "/api/distance/jobs";

  private final ProductionServer server;
  private final WorkerFaults faults;
  private final ApiClient user;

  /** The user's job: without one, listing asks the worker nothing. */
  private String job;

  WorkerFaultsIT(ProductionServer server) {
    this.server = server;
    this.faults = server.worker().faults();
    this.user = server.newUser();
  }

  @BeforeEach
  void healthyWorkerClosedBreakersAndAJob() {
    server.settle();
    job = JobPolling.submit(user, "{\"date\":\"2026-01-25\"}");
    faults.clear();
  }

  @Test
  void readsAreRetriedWhenTheWorkerIsUnavailableButACalculationNever() {
    faults.answer(LIST_JOBS, Status.UNAVAILABLE);
    ApiClient.Answer list = user.get(JOBS_PATH);
    // The list answers what the gateway knows while the worker is down (the job as last known).
    assertEquals(200, list.status(), () -> "the list of a worker that is down: " + list);
    assertEquals(
        "queued",
        list.json().getJsonArray("jobs").getJsonObject(0).getString("status"),
        () -> "last known: " + list);
    assertEquals(3, faults.calls(LIST_JOBS), "a read: the call and its 2 retries");

    faults.answer(CALCULATE, Status.UNAVAILABLE);
    ApiClient.Answer post = user.postJson(CALCULATE_PATH, "{\"date\":\"2026-01-26\"}");
    assertError(post, 503, "SERVICE_UNAVAILABLE");
    assertEquals(
        1,
        faults.calls(CALCULATE),
        "a calculation that reached the worker is never "
            + "repeated: it could queue a second job");
  }

  static Stream<Arguments> grpcStatuses() {
    return Stream.of(
        Arguments.of(Status.Code.CANCELLED, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.UNKNOWN, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.INVALID_ARGUMENT, 400, "VALIDATION_ERROR", 1),
        Arguments.of(Status.Code.DEADLINE_EXCEEDED, 504, "GATEWAY_TIMEOUT", 1),
        Arguments.of(Status.Code.NOT_FOUND, 404, "NOT_FOUND", 1),
        Arguments.of(Status.Code.ALREADY_EXISTS, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.PERMISSION_DENIED, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.RESOURCE_EXHAUSTED, 503, "SERVICE_UNAVAILABLE", 1),
        Arguments.of(Status.Code.FAILED_PRECONDITION, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.ABORTED, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.OUT_OF_RANGE, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.UNIMPLEMENTED, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.INTERNAL, 502, "BAD_GATEWAY", 1),
        // A retry, then jobStatus's breaker opens at 2 failures of 4 and refuses the second.
        Arguments.of(Status.Code.UNAVAILABLE, 503, "SERVICE_UNAVAILABLE", 2),
        Arguments.of(Status.Code.DATA_LOSS, 502, "BAD_GATEWAY", 1),
        Arguments.of(Status.Code.UNAUTHENTICATED, 502, "BAD_GATEWAY", 1));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}, {3} call(s)")
  @MethodSource("grpcStatuses")
  void everyGrpcStatusOfTheWorkerHasItsHttpAnswer(
      Status.Code code, int httpStatus, String errorCode, int workerCalls) {
    faults.answer(JOB_STATUS, Status.fromCode(code).withDescription("injected " + code));

    ApiClient.Answer answer = user.get(JOBS_PATH + "/" + job);

    assertError(answer, httpStatus, errorCode);
    assertEquals(
        workerCalls,
        faults.calls(JOB_STATUS),
        () -> "calls that reached the worker for " + code + " (only UNAVAILABLE is retried)");
    if (httpStatus >= 500) {
      assertTrue(
          !answer.body().contains("injected"),
          () ->
              "the worker's own words stay out of " + "a server-side failure's answer: " + answer);
    }
  }

  @Test
  void theBreakerOpensAfterTheConfiguredFailuresAndClosesAfterItsDelay() {
    // A second job not read yet: the first, once read finished, is answered from the registry.
    String another = JobPolling.submit(user, "{\"date\":\"2026-01-24\"}");
    faults.answer(JOB_STATUS, Status.UNAVAILABLE);

    ApiClient.Answer opening = user.get(JOBS_PATH + "/" + job);
    assertError(opening, 503, "SERVICE_UNAVAILABLE");
    assertEquals(
        2,
        faults.calls(JOB_STATUS),
        "2 failures in the window of 4 reach 50 %: the "
            + "breaker opens, and the last retry is not made into the open circuit");

    ApiClient.Answer whileOpen = user.get(JOBS_PATH + "/" + job);
    assertError(whileOpen, 503, "SERVICE_UNAVAILABLE");
    assertEquals(2, faults.calls(JOB_STATUS), "an open breaker answers without calling");
    long retryAfter = Long.parseLong(whileOpen.header("Retry-After"));
    assertEquals(
        ProductionServer.BREAKER_DELAY.toSeconds(),
        retryAfter,
        () -> "Retry-After is the breaker's configured delay: " + whileOpen);

    faults.clear();
    Await.pause(Duration.ofSeconds(retryAfter));
    ApiClient.Answer afterDelay = user.get(JOBS_PATH + "/" + job);
    assertEquals(200, afterDelay.status(), () -> "after Retry-After, a trial call: " + afterDelay);
    assertEquals(200, user.get(JOBS_PATH + "/" + another).status(), "closed again");
    assertEquals(2, faults.calls(JOB_STATUS), "both answered by the worker");
  }

  @Test
  void businessAnswersOfTheWorkerDoNotOpenTheBreaker() {
    faults.answer(JOB_STATUS, Status.NOT_FOUND.withDescription("job not found"));

    for (int i = 1; i <= 6; i++) {
      assertError(user.get(JOBS_PATH + "/" + job), 404, "NOT_FOUND");
      assertEquals(i, faults.calls(JOB_STATUS), "every call reaches the worker");
    }
  }

  @Test
  void aWorkerSlowerThanTheDeadlineAnswers504WithoutARetry() {
    faults.delay(JOB_STATUS, Duration.ofMillis(1_500));

    assertError(user.get(JOBS_PATH + "/" + job), 504, "GATEWAY_TIMEOUT");
    assertEquals(1, faults.calls(JOB_STATUS), "a passed deadline is not retried");
  }

  @Test
  void aFlappingWorkerIsRiddenOutByTheRetriesOfReads() {
    faults.answerByCall(
        LIST_JOBS, call -> call % 2 == 1 ? Optional.of(Status.UNAVAILABLE) : Optional.empty());

    assertEquals(200, user.get(JOBS_PATH).status());
    assertEquals(200, user.get(JOBS_PATH).status());
    assertEquals(4, faults.calls(LIST_JOBS), "each read: a failed call, then a retry that worked");
  }

  @Test
  void aFullBulkheadAnswers503AtOnceWithoutCallingTheWorker() throws Exception {
    faults.delay(JOB_STATUS, Duration.ofMillis(700));
    int concurrent = ProductionServer.BULKHEAD * 3;

    List<ApiClient.Answer> answers =
        Concurrently.run(concurrent, i -> user.get(JOBS_PATH + "/" + job));

    long served = answers.stream().filter(answer -> answer.status() == 200).count();
    List<ApiClient.Answer> rejected =
        answers.stream().filter(answer -> answer.status() != 200).toList();
    assertTrue(
        served >= 1 && served <= ProductionServer.BULKHEAD,
        () -> "at most " + ProductionServer.BULKHEAD + " calls at once: " + answers);
    assertTrue(!rejected.isEmpty(), () -> "some calls rejected: " + answers);
    rejected.forEach(answer -> assertError(answer, 503, "SERVICE_UNAVAILABLE"));
    assertEquals(served, faults.calls(JOB_STATUS), "rejected calls never reached the worker");
  }

  @Test
  void aClassLevelPropertyDoesNotReachTheMethodsOwnPolicies() throws Exception {
    // The server sets GrpcDistanceWorkerClient/Bulkhead/value=1; listJobs keeps its own 20.
    faults.delay(LIST_JOBS, Duration.ofMillis(700));

    List<ApiClient.Answer> answers = Concurrently.run(4, i -> user.get(JOBS_PATH));

    assertTrue(
        answers.stream().allMatch(answer -> answer.status() == 200),
        () -> "4 concurrent lists, none rejected: " + answers);
    assertEquals(4, faults.calls(LIST_JOBS));
  }

  @Test
  void aWorkerThatIsDownGets503sAndReadinessStaysUpUntilItIsBackWithoutARestart() {
    server.worker().stop();

    assertError(user.get(JOBS_PATH + "/" + job), 503, "SERVICE_UNAVAILABLE");
    assertError(
        user.postJson(CALCULATE_PATH, "{\"date\":\"2026-01-26\"}"), 503, "SERVICE_UNAVAILABLE");
    ApiClient.Answer ready = server.management().get("/health/ready");
    assertEquals(
        200, ready.status(), () -> "a worker outage keeps the pod in the Service: " + ready);
    assertTrue(ready.body().contains("UNREACHABLE"), () -> "and readiness reports it: " + ready);

    server.worker().start();

    ApiClient.Answer recovered =
        ProductionServer.poll(
            () -> user.get(JOBS_PATH + "/" + job),
            200,
            ProductionServer.BREAKER_DELAY.multipliedBy(3));
    assertEquals(200, recovered.status(), () -> "recovered without a restart: " + recovered);
    assertTrue(server.management().get("/health/ready").body().contains("SERVING"));
  }
}
