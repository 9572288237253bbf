package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import io.oteldemo.worker.proto.CalculateDistanceRequest;
import io.oteldemo.worker.proto.CalculateDistanceResponse;
import io.oteldemo.worker.proto.DistanceServiceGrpc;
import io.oteldemo.worker.proto.GetJobStatusRequest;
import io.oteldemo.worker.proto.GetJobStatusResponse;
import io.oteldemo.worker.proto.JobResult;
import io.oteldemo.worker.proto.JobSummary;
import io.oteldemo.worker.proto.ListJobsRequest;
import io.oteldemo.worker.proto.ListJobsResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gRPC adapter against a real in-process server with a fake worker behind it. */
class GrpcDistanceWorkerClientTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Duration SHORT_DEADLINE = Duration.ofMillis(200);
  private static final String JOB_ID = "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a";

  private static final Timestamp QUEUED =
      Timestamp.newBuilder().setSeconds(1_769_418_902L).setNanos(123_456_789).build();
  private static final Timestamp STARTED =
      Timestamp.newBuilder().setSeconds(1_769_418_903L).setNanos(1).build();
  private static final Timestamp COMPLETED =
      Timestamp.newBuilder().setSeconds(1_769_418_905L).setNanos(999_999_999).build();

  /**
   * Answers the calls a fake "never" answers after a while, so that a client that sends no deadline
   * fails its test instead of hanging it.
   */
  private static final ScheduledExecutorService SAFETY_NET =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "never-answer-safety-net");
            thread.setDaemon(true);
            return thread;
          });

  private static final long SAFETY_NET_SECONDS = 10;

  private final FakeWorker worker = new FakeWorker();
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void closeServerAndChannel() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  // --- calculate -------------------------------------------------------------------------------

  @Test
  void calculateSendsDateAndDeviceAndTranslatesTheAnswer() {
    worker.answer =
        CalculateDistanceResponse.newBuilder()
            .setJobId(JOB_ID)
            .setStatus("queued")
            .setQueuedAt(QUEUED)
            .build();

    QueuedJob job =
        client(DEADLINE).calculate(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));

    assertEquals(
        CalculateDistanceRequest.newBuilder()
            .setDate("2026-01-25")
            .setDeviceId("iphone_stuart")
            .build(),
        worker.onlyRequest(),
        "the request should carry the date as YYYY-MM-DD and the device");
    assertEquals(
        new QueuedJob(JOB_ID, "queued", Instant.parse("2026-01-26T09:15:02.123456789Z")),
        job,
        "the answer should keep job id, status and queued_at to the nanosecond");
  }

  @Test
  void calculateForEveryDeviceSendsAnEmptyDeviceId() {
    worker.answer =
        CalculateDistanceResponse.newBuilder()
            .setJobId(JOB_ID)
            .setStatus("queued")
            .setQueuedAt(QUEUED)
            .build();

    client(DEADLINE).calculate(LocalDate.of(2026, 1, 5), Optional.empty());

    CalculateDistanceRequest request = (CalculateDistanceRequest) worker.onlyRequest();
    assertEquals("2026-01-05", request.getDate(), "single-digit month and day are zero-padded");
    assertEquals("", request.getDeviceId(), "no device means an empty device_id on the wire");
  }

  // --- jobStatus -------------------------------------------------------------------------------

  @Test
  void jobStatusTranslatesEveryFieldOfACompletedJob() {
    worker.answer =
        GetJobStatusResponse.newBuilder()
            .setJobId(JOB_ID)
            .setStatus("completed")
            .setQueuedAt(QUEUED)
            .setStartedAt(STARTED)
            .setCompletedAt(COMPLETED)
            .setResult(
                JobResult.newBuilder()
                    .setCsvPath("/data/csv/distance_20260125_iphone_stuart.csv")
                    .setTotalDistanceKm(123.456)
                    .setTotalLocations(2_000_000_000)
                    .setMaxDistanceKm(12.5)
                    .setMinDistanceKm(0.001)
                    .setDate("2026-01-25")
                    .setDeviceId("iphone_stuart")
                    .setProcessingTimeMs(9_000_000_000L))
            .build();

    WorkerJob job = client(DEADLINE).jobStatus(JOB_ID);

    assertEquals(
        GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build(),
        worker.onlyRequest(),
        "the request should carry the job id");
    assertEquals(
        new WorkerJob(
            JOB_ID,
            "completed",
            Instant.parse("2026-01-26T09:15:02.123456789Z"),
            Optional.of(Instant.parse("2026-01-26T09:15:03.000000001Z")),
            Optional.of(Instant.parse("2026-01-26T09:15:05.999999999Z")),
            Optional.empty(),
            Optional.of(
                new WorkerJobResult(
                    "/data/csv/distance_20260125_iphone_stuart.csv",
                    123.456,
                    2_000_000_000,
                    12.5,
                    0.001,
                    "2026-01-25",
                    "iphone_stuart",
                    9_000_000_000L))),
        job,
        "every field, timestamps to the nanosecond, should be translated");
  }

  @Test
  void jobStatusOfAQueuedJobHasNoStartCompletionErrorOrResult() {
    worker.answer =
        GetJobStatusResponse.newBuilder()
            .setJobId(JOB_ID)
            .setStatus("queued")
            .setQueuedAt(QUEUED)
            .setErrorMessage("")
            .build();

    WorkerJob job = client(DEADLINE).jobStatus(JOB_ID);

    assertAll(
        () -> assertEquals(Optional.empty(), job.startedAt(), "unset started_at -> empty"),
        () -> assertEquals(Optional.empty(), job.completedAt(), "unset completed_at -> empty"),
        () -> assertEquals(Optional.empty(), job.errorMessage(), "empty error_message -> empty"),
        () -> assertEquals(Optional.empty(), job.result(), "unset result -> empty"),
        () -> assertEquals(Instant.parse("2026-01-26T09:15:02.123456789Z"), job.queuedAt()));
  }

  @Test
  void jobStatusOfAFailedJobCarriesTheErrorMessage() {
    worker.answer =
        GetJobStatusResponse.newBuilder()
            .setJobId(JOB_ID)
            .setStatus("failed")
            .setQueuedAt(QUEUED)
            .setStartedAt(STARTED)
            .setCompletedAt(COMPLETED)
            .setErrorMessage("no locations for 2026-01-25")
            .build();

    WorkerJob job = client(DEADLINE).jobStatus(JOB_ID);

    assertEquals("failed", job.status());
    assertEquals(
        Optional.of("no locations for 2026-01-25"),
        job.errorMessage(),
        "a non-empty error_message should be kept");
    assertEquals(Optional.empty(), job.result(), "a failed job has no result");
    assertEquals(Optional.of(Instant.parse("2026-01-26T09:15:05.999999999Z")), job.completedAt());
  }

  @Test
  void jobStatusKeepsAnEpochZeroTimestampThatIsSet() {
    worker.answer =
        GetJobStatusResponse.newBuilder()
            .setJobId(JOB_ID)
            .setStatus("processing")
            .setQueuedAt(QUEUED)
            .setStartedAt(Timestamp.getDefaultInstance())
            .build();

    WorkerJob job = client(DEADLINE).jobStatus(JOB_ID);

    assertEquals(
        Optional.of(Instant.EPOCH),
        job.startedAt(),
        "presence, not the value, decides whether started_at is set");
  }

  // --- listJobs --------------------------------------------------------------------------------

  @Test
  void listJobsSendsStatusLimitOffsetAndTranslatesThePage() {
    worker.answer =
        ListJobsResponse.newBuilder()
            .addJobs(
                JobSummary.newBuilder()
                    .setJobId("a")
                    .setStatus("completed")
                    .setDate("2026-01-25")
                    .setDeviceId("iphone_stuart")
                    .setQueuedAt(QUEUED)
                    .setCompletedAt(COMPLETED))
            .addJobs(
                JobSummary.newBuilder()
                    .setJobId("b")
                    .setStatus("completed")
                    .setDate("2026-01-24")
                    .setDeviceId("")
                    .setQueuedAt(STARTED))
            .setTotalCount(2)
            .setLimit(500)
            .setOffset(1000)
            .build();

    WorkerJobPage page = client(DEADLINE).listJobs(Optional.of(JobStatus.COMPLETED), 500, 1000);

    assertEquals(
        ListJobsRequest.newBuilder().setStatus("completed").setLimit(500).setOffset(1000).build(),
        worker.onlyRequest(),
        "the request should carry the wire name of the status, the limit and the offset only");
    assertEquals(
        new WorkerJobPage(
            List.of(
                new WorkerJobSummary(
                    "a",
                    "completed",
                    "2026-01-25",
                    "iphone_stuart",
                    Instant.parse("2026-01-26T09:15:02.123456789Z"),
                    Optional.of(Instant.parse("2026-01-26T09:15:05.999999999Z"))),
                new WorkerJobSummary(
                    "b",
                    "completed",
                    "2026-01-24",
                    "",
                    Instant.parse("2026-01-26T09:15:03.000000001Z"),
                    Optional.empty())),
            2,
            500,
            1000),
        page,
        "jobs in the worker's order, with the worker's numbers");
  }

  @Test
  void listJobsWithoutStatusSendsAnEmptyStatus() {
    worker.answer = ListJobsResponse.getDefaultInstance();

    WorkerJobPage page = client(DEADLINE).listJobs(Optional.empty(), 50, 0);

    assertEquals(
        "",
        ((ListJobsRequest) worker.onlyRequest()).getStatus(),
        "no status filter means an empty status on the wire");
    assertEquals(new WorkerJobPage(List.of(), 0, 0, 0), page, "an empty answer is an empty page");
  }

  // --- deadline --------------------------------------------------------------------------------

  @Test
  void everyCallCarriesTheConfiguredDeadline() {
    GrpcDistanceWorkerClient client = client(DEADLINE);

    worker.answer = CalculateDistanceResponse.newBuilder().setJobId(JOB_ID).build();
    client.calculate(LocalDate.of(2026, 1, 25), Optional.empty());
    worker.answer = GetJobStatusResponse.newBuilder().setJobId(JOB_ID).build();
    client.jobStatus(JOB_ID);
    client.jobStatus(JOB_ID);
    worker.answer = ListJobsResponse.getDefaultInstance();
    client.listJobs(Optional.empty(), 50, 0);

    assertEquals(4, worker.deadlines.size(), "the worker should have seen four calls");
    for (Optional<Deadline> deadline : worker.deadlines) {
      assertTrue(deadline.isPresent(), "every call should carry a deadline; one had none");
      assertTrue(
          deadline.get().timeRemaining(TimeUnit.MILLISECONDS) <= DEADLINE.toMillis(),
          "the deadline should be no later than the configured "
              + DEADLINE
              + ", was "
              + deadline.get());
    }
  }

  @Test
  void aWorkerThatNeverAnswersTimesOutAtTheDeadline() {
    worker.neverAnswer = true;
    GrpcDistanceWorkerClient client = client(SHORT_DEADLINE);

    WorkerException e =
        assertThrows(
            WorkerException.class,
            () -> client.jobStatus(JOB_ID),
            "a call the worker never answers should fail when the deadline passes");

    assertEquals(WorkerException.Kind.TIMEOUT, e.kind());
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.grpcCode());
    assertEquals("The distance worker did not answer in time", e.getMessage());
  }

  // --- errors ----------------------------------------------------------------------------------

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(
            Status.UNAVAILABLE.withDescription("connection refused"),
            WorkerException.Kind.UNAVAILABLE),
        Arguments.of(
            Status.NOT_FOUND.withDescription("no such job"), WorkerException.Kind.NOT_FOUND),
        Arguments.of(
            Status.UNKNOWN.withDescription("job not found: x"), WorkerException.Kind.NOT_FOUND),
        Arguments.of(
            Status.INVALID_ARGUMENT.withDescription("bad date"),
            WorkerException.Kind.INVALID_ARGUMENT),
        Arguments.of(
            Status.UNKNOWN.withDescription("date is required"),
            WorkerException.Kind.INVALID_ARGUMENT),
        Arguments.of(
            Status.RESOURCE_EXHAUSTED.withDescription("too many jobs"), WorkerException.Kind.BUSY),
        Arguments.of(
            Status.UNKNOWN.withDescription("job queue is full"), WorkerException.Kind.BUSY),
        Arguments.of(
            Status.INTERNAL.withDescription("panic: nil map"), WorkerException.Kind.FAILED),
        Arguments.of(Status.UNKNOWN.withDescription("disk on fire"), WorkerException.Kind.FAILED),
        Arguments.of(Status.UNKNOWN, WorkerException.Kind.FAILED),
        Arguments.of(
            Status.DEADLINE_EXCEEDED.withDescription("worker-side deadline"),
            WorkerException.Kind.TIMEOUT));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("statuses")
  void everyCallTranslatesTheWorkersStatus(Status status, WorkerException.Kind expected) {
    worker.error = status;
    GrpcDistanceWorkerClient client = client(DEADLINE);

    List<Executable> calls =
        List.of(
            () -> client.calculate(LocalDate.of(2026, 1, 25), Optional.empty()),
            () -> client.jobStatus(JOB_ID),
            () -> client.listJobs(Optional.empty(), 50, 0));
    for (Executable call : calls) {
      WorkerException e =
          assertThrows(
              WorkerException.class,
              call,
              "a " + status.getCode() + " answer should leave as a WorkerException");
      assertEquals(expected, e.kind(), () -> status + " should be classified " + expected);
      assertEquals(status.getCode(), e.grpcCode(), "the gRPC code should be kept");
      StatusRuntimeException cause =
          assertInstanceOf(
              StatusRuntimeException.class, e.getCause(), "the gRPC exception should be the cause");
      assertEquals(status.getCode(), cause.getStatus().getCode());
    }
  }

  @Test
  void argumentErrorsRepeatTheWorkersWordsOtherErrorsDoNot() {
    worker.error = Status.UNKNOWN.withDescription("date is required");
    WorkerException invalid =
        assertThrows(
            WorkerException.class,
            () -> client(DEADLINE).calculate(LocalDate.of(2026, 1, 25), Optional.empty()));
    assertTrue(
        invalid.getMessage().contains("date is required"),
        "an argument error should tell the caller what the worker rejected: "
            + invalid.getMessage());

    worker.error = Status.INTERNAL.withDescription("panic: /srv/worker/main.go:42");
    WorkerException failed =
        assertThrows(WorkerException.class, () -> client(DEADLINE).jobStatus(JOB_ID));
    assertFalse(
        failed.getMessage().contains("main.go"),
        "an internal failure should not leak the worker's description: " + failed.getMessage());
  }

  @Test
  void anUnreachableWorkerIsUnavailable() throws InterruptedException {
    GrpcDistanceWorkerClient client = client(DEADLINE);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

    WorkerException e = assertThrows(WorkerException.class, () -> client.jobStatus(JOB_ID));

    assertEquals(WorkerException.Kind.UNAVAILABLE, e.kind(), "no server means UNAVAILABLE");
  }

  // --- health ----------------------------------------------------------------------------------

  @Test
  void healthIsServingWhenTheWorkerSaysSo() {
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);

    assertEquals(WorkerHealth.SERVING, client(DEADLINE).health());
  }

  @Test
  void healthIsNotServingWhenTheWorkerSaysSo() {
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.NOT_SERVING);

    assertEquals(WorkerHealth.NOT_SERVING, client(DEADLINE).health());
  }

  @Test
  void healthIsUnreachableWhenTheServerIsShutDown() throws InterruptedException {
    GrpcDistanceWorkerClient client = client(DEADLINE);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

    assertEquals(WorkerHealth.UNREACHABLE, client.health());
  }

  @Test
  void healthIsUnreachableWhenTheHealthCheckNeverAnswers() throws Exception {
    List<Optional<Deadline>> healthDeadlines = new CopyOnWriteArrayList<>();
    HealthGrpc.HealthImplBase silent =
        new HealthGrpc.HealthImplBase() {
          @Override
          public void check(
              HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
            healthDeadlines.add(Optional.ofNullable(Context.current().getDeadline()));
            failLater(responseObserver);
          }
        };
    start(builder -> builder.addService(silent));

    assertEquals(
        WorkerHealth.UNREACHABLE,
        client(SHORT_DEADLINE).health(),
        "a health check that outlives its deadline means the worker is unreachable");
    assertEquals(1, healthDeadlines.size(), "the health check should have reached the worker");
    assertTrue(healthDeadlines.get(0).isPresent(), "the health check should carry a deadline");
  }

  @Test
  void healthCheckDeadlineIsAtMostTwoSeconds() throws Exception {
    List<Optional<Deadline>> healthDeadlines = new CopyOnWriteArrayList<>();
    HealthGrpc.HealthImplBase serving =
        new HealthGrpc.HealthImplBase() {
          @Override
          public void check(
              HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
            healthDeadlines.add(Optional.ofNullable(Context.current().getDeadline()));
            responseObserver.onNext(
                HealthCheckResponse.newBuilder().setStatus(ServingStatus.SERVING).build());
            responseObserver.onCompleted();
          }
        };
    start(builder -> builder.addService(serving));

    assertEquals(WorkerHealth.SERVING, client(DEADLINE).health());
    Deadline deadline =
        healthDeadlines
            .get(0)
            .orElseThrow(() -> new AssertionError("the health check should carry a deadline"));
    assertTrue(
        deadline.timeRemaining(TimeUnit.MILLISECONDS) <= 2_000,
        "the health check should not wait the calls' "
            + DEADLINE
            + " but at most 2 s, was "
            + deadline);
  }

  @Test
  void healthIsNotServingWhenTheWorkerHasNoHealthService() throws Exception {
    start(builder -> builder.addService(worker));

    assertEquals(
        WorkerHealth.NOT_SERVING,
        client(DEADLINE).health(),
        "a worker that answers UNIMPLEMENTED is reachable but not serving");
  }

  // --- plumbing --------------------------------------------------------------------------------

  private GrpcDistanceWorkerClient client(Duration deadline) {
    if (server == null) {
      start(builder -> builder.addService(worker).addService(health.getHealthService()));
    }
    return GrpcDistanceWorkerClient.over(channel, deadline);
  }

  private void start(Consumer<InProcessServerBuilder> services) {
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
    services.accept(builder);
    try {
      server = builder.build().start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  /** Never answers in time: fails the call with ABORTED long after any deadline of these tests. */
  private static void failLater(StreamObserver<?> observer) {
    SAFETY_NET.schedule(
        () -> {
          try {
            observer.onError(
                Status.ABORTED
                    .withDescription("the client sent no deadline, or ignored it")
                    .asRuntimeException());
          } catch (RuntimeException alreadyClosed) {
            // the call ended at its deadline, as it should
          }
        },
        SAFETY_NET_SECONDS,
        TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopSafetyNet() {
    SAFETY_NET.shutdownNow();
  }

  /** A worker that records what it is asked and answers with one message or one status. */
  static final class FakeWorker extends DistanceServiceGrpc.DistanceServiceImplBase {

    final List<Message> requests = new CopyOnWriteArrayList<>();
    final List<Optional<Deadline>> deadlines = new CopyOnWriteArrayList<>();
    volatile Message answer;
    volatile Status error;
    volatile boolean neverAnswer;

    @Override
    public void calculateDistanceFromHome(
        CalculateDistanceRequest request,
        StreamObserver<CalculateDistanceResponse> responseObserver) {
      respond(request, responseObserver);
    }

    @Override
    public void getJobStatus(
        GetJobStatusRequest request, StreamObserver<GetJobStatusResponse> responseObserver) {
      respond(request, responseObserver);
    }

    @Override
    public void listJobs(
        ListJobsRequest request, StreamObserver<ListJobsResponse> responseObserver) {
      respond(request, responseObserver);
    }

    @SuppressWarnings("unchecked")
    private <T extends Message> void respond(Message request, StreamObserver<T> observer) {
      requests.add(request);
      deadlines.add(Optional.ofNullable(Context.current().getDeadline()));
      if (neverAnswer) {
        failLater(observer);
        return;
      }
      if (error != null) {
        observer.onError(error.asRuntimeException());
        return;
      }
      assertNotNull(answer, "the test should have set the fake worker's answer");
      observer.onNext((T) answer);
      observer.onCompleted();
    }

    Message onlyRequest() {
      assertEquals(1, requests.size(), "the worker should have received exactly one request");
      return requests.get(0);
    }
  }
}
