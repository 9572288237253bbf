package io.oteldemo.embedded;

import static io.oteldemo.embedded.EmbeddedTestSupport.HOME;
import static io.oteldemo.embedded.EmbeddedTestSupport.awaitUntil;
import static io.oteldemo.locations.RecorderFiles.locationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.oteldemo.embedded.EmbeddedTestSupport.GatedCsvDirectory;
import io.oteldemo.locations.GeoPoint;
import io.oteldemo.testing.MutableClock;
import io.oteldemo.worker.proto.CalculateDistanceRequest;
import io.oteldemo.worker.proto.CalculateDistanceResponse;
import io.oteldemo.worker.proto.DistanceServiceGrpc;
import io.oteldemo.worker.proto.GetJobStatusRequest;
import io.oteldemo.worker.proto.GetJobStatusResponse;
import io.oteldemo.worker.proto.JobResult;
import io.oteldemo.worker.proto.JobSummary;
import io.oteldemo.worker.proto.ListJobsRequest;
import io.oteldemo.worker.proto.ListJobsResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(StoreFixtureExtension.class)
class EmbeddedDistanceServiceTest {

  private static final String DAY = "2026-01-25";
  private static final String EMPTY_DAY = "2026-01-20";
  private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
  private static final GeoPoint MIDTOWN = new GeoPoint(40.7527, -73.9772);

  private StoreFixture fixture;
  private Path csvDirectory;

  private EmbeddedJobBoard board;
  private GatedCsvDirectory gate;
  private Server server;
  private ManagedChannel channel;
  private DistanceServiceGrpc.DistanceServiceBlockingStub stub;

  @BeforeEach
  void buildStore(StoreFixture fixture) throws IOException {
    this.fixture = fixture;
    this.csvDirectory = fixture.csvDirectory();
    fixture.write(
        "stuart/phone/2026-01",
        locationLine("2026-01-25T08:00:00Z", HOME.latitude(), HOME.longitude(), 5, 90, 0),
        locationLine("2026-01-25T14:00:00Z", MIDTOWN.latitude(), MIDTOWN.longitude(), 10, 60, 4));
    fixture.write(
        "stuart/tablet/2026-01", locationLine("2026-01-25T09:00:00Z", 40.7, -74.0, 8, 77, 0));
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    if (gate != null) {
      gate.release();
    }
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (board != null) {
      board.close();
    }
  }

  /** Serves a board whose jobs really run against the temporary store. */
  private void startService(int workers, int capacity) throws IOException {
    startService(csvDirectory, workers, capacity);
  }

  /** Serves a board whose jobs wait at a gate before writing their CSV. */
  private void startGatedService(int workers, int capacity) throws IOException {
    gate = new GatedCsvDirectory(csvDirectory);
    startService(gate.path(), workers, capacity);
  }

  private void startService(Path csvDir, int workers, int capacity) throws IOException {
    board =
        new EmbeddedJobBoard(
            fixture.processor(csvDir),
            MutableClock.ticking(T0, Duration.ofSeconds(1)),
            workers,
            capacity,
            1000);
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(new EmbeddedDistanceService(board))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stub = DistanceServiceGrpc.newBlockingStub(channel);
  }

  private CalculateDistanceResponse calculate(String date, String deviceId) {
    return stub.calculateDistanceFromHome(
        CalculateDistanceRequest.newBuilder().setDate(date).setDeviceId(deviceId).build());
  }

  private GetJobStatusResponse status(String jobId) {
    return stub.getJobStatus(GetJobStatusRequest.newBuilder().setJobId(jobId).build());
  }

  private GetJobStatusResponse awaitFinished(String jobId) {
    awaitUntil(
        "job " + jobId + " is completed or failed",
        () -> {
          String state = status(jobId).getStatus();
          return state.equals("completed") || state.equals("failed");
        });
    return status(jobId);
  }

  private ListJobsResponse list(ListJobsRequest request) {
    return stub.listJobs(request);
  }

  private static List<String> ids(ListJobsResponse page) {
    return page.getJobsList().stream().map(JobSummary::getJobId).toList();
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  private static StatusRuntimeException assertStatus(
      Status.Code expected, Executable call, String what) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call, what);
    assertEquals(expected, e.getStatus().getCode(), what + ": status code");
    return e;
  }

  // --- CalculateDistanceFromHome -------------------------------------------------------------

  @Test
  void emptyDateIsInvalidArgument() throws IOException {
    startService(1, 10);

    StatusRuntimeException e =
        assertStatus(
            Status.Code.INVALID_ARGUMENT, () -> calculate("", "phone"), "request without date");

    assertEquals("date is required", e.getStatus().getDescription(), "description");
    assertEquals(
        0, list(ListJobsRequest.getDefaultInstance()).getTotalCount(), "no job was created");
  }

  @ParameterizedTest(name = "date \"{0}\" is rejected")
  @ValueSource(
      strings = {
        "2026-13-01",
        "2026-02-30",
        "25-01-2026",
        "2026/01/25",
        "2026-1-25",
        "yesterday",
        " 2026-01-25",
        "2026-01-25T00:00:00Z"
      })
  void malformedDateIsInvalidArgument(String date) throws IOException {
    startService(1, 10);

    StatusRuntimeException e =
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> calculate(date, ""), "date " + date);

    assertTrue(
        e.getStatus().getDescription() != null && !e.getStatus().getDescription().isBlank(),
        "the error says what is wrong");
    assertEquals(
        0, list(ListJobsRequest.getDefaultInstance()).getTotalCount(), "no job was created");
  }

  @Test
  void acceptedJobIsAnsweredAsQueued() throws IOException {
    startService(1, 10);

    CalculateDistanceResponse response = calculate(DAY, "phone");

    assertFalse(response.getJobId().isBlank(), "a job id is returned");
    assertEquals("queued", response.getStatus(), "status on acceptance");
    assertEquals(T0, instant(response.getQueuedAt()), "queued_at is the board clock's time");
  }

  @Test
  void fullQueueIsResourceExhausted() throws IOException, InterruptedException {
    startGatedService(1, 1);
    String running = calculate(DAY, "").getJobId();
    gate.awaitWorkerAtGate();
    String queued = calculate(DAY, "").getJobId();

    StatusRuntimeException e =
        assertStatus(
            Status.Code.RESOURCE_EXHAUSTED,
            () -> calculate(DAY, ""),
            "one job running and one queued with capacity 1");

    assertEquals("job queue is full", e.getStatus().getDescription(), "description");
    assertEquals(
        List.of(queued, running),
        ids(list(ListJobsRequest.getDefaultInstance())),
        "only the two accepted jobs exist");
  }

  // --- GetJobStatus -------------------------------------------------------------------------

  @Test
  void unknownJobIsNotFound() throws IOException {
    startService(1, 10);

    StatusRuntimeException e =
        assertStatus(Status.Code.NOT_FOUND, () -> status("no-such-job"), "unknown job id");
    assertTrue(
        e.getStatus().getDescription().startsWith("job not found"),
        "description starts with 'job not found', was: " + e.getStatus().getDescription());

    assertStatus(Status.Code.NOT_FOUND, () -> status(""), "empty job id");
  }

  @Test
  void completedJobReportsTimesAndResult() throws IOException {
    startService(1, 10);
    String jobId = calculate(DAY, "phone").getJobId();

    GetJobStatusResponse done = awaitFinished(jobId);

    assertEquals("completed", done.getStatus(), "job on a day with data completes");
    assertEquals(jobId, done.getJobId(), "job id echoed");
    assertEquals(T0, instant(done.getQueuedAt()), "queued_at");
    assertTrue(done.hasStartedAt(), "started_at set when completed");
    assertTrue(done.hasCompletedAt(), "completed_at set when completed");
    assertTrue(
        instant(done.getStartedAt()).isAfter(instant(done.getQueuedAt())),
        "started after queued (ticking clock)");
    assertTrue(
        instant(done.getCompletedAt()).isAfter(instant(done.getStartedAt())),
        "completed after started (ticking clock)");
    assertEquals("", done.getErrorMessage(), "no error message on success");
    assertTrue(done.hasResult(), "result set when completed");

    JobResult result = done.getResult();
    Path csv = csvDirectory.resolve("distance_20260125_phone.csv");
    assertEquals(csv.toString(), result.getCsvPath(), "csv_path");
    assertTrue(Files.isRegularFile(csv), "the CSV exists");
    assertEquals(2, result.getTotalLocations(), "total_locations");
    double toMidtown = HOME.distanceKmTo(MIDTOWN);
    assertEquals(toMidtown, result.getTotalDistanceKm(), 1e-9, "total_distance_km (0 + Midtown)");
    assertEquals(toMidtown, result.getMaxDistanceKm(), 1e-9, "max_distance_km");
    assertEquals(0.0, result.getMinDistanceKm(), 1e-9, "min_distance_km (the home location)");
    assertEquals(DAY, result.getDate(), "date");
    assertEquals("phone", result.getDeviceId(), "device_id");
    assertTrue(result.getProcessingTimeMs() >= 0, "processing_time_ms is not negative");
  }

  @Test
  void completedAllDevicesJobHasAnEmptyDeviceId() throws IOException {
    startService(1, 10);

    GetJobStatusResponse done = awaitFinished(calculate(DAY, "").getJobId());

    assertEquals("completed", done.getStatus(), "status");
    assertEquals("", done.getResult().getDeviceId(), "all devices: empty device_id");
    assertEquals(3, done.getResult().getTotalLocations(), "phone 2 + tablet 1 locations");
    assertEquals(
        csvDirectory.resolve("distance_20260125.csv").toString(),
        done.getResult().getCsvPath(),
        "all-devices CSV name");
  }

  @Test
  void failedJobReportsItsErrorAndNoResult() throws IOException {
    startService(1, 10);

    GetJobStatusResponse failed = awaitFinished(calculate(EMPTY_DAY, "").getJobId());

    assertEquals("failed", failed.getStatus(), "job on a day without data fails");
    assertEquals(
        "no locations found for date 2026-01-20", failed.getErrorMessage(), "error_message");
    assertFalse(failed.hasResult(), "no result for a failed job");
    assertTrue(failed.hasStartedAt(), "started_at set");
    assertTrue(failed.hasCompletedAt(), "completed_at set when failed");
  }

  @Test
  void processingAndQueuedJobsHaveNoEndYet() throws IOException, InterruptedException {
    startGatedService(1, 5);
    String running = calculate(DAY, "").getJobId();
    String queued = calculate(DAY, "phone").getJobId();
    gate.awaitWorkerAtGate();

    GetJobStatusResponse processing = status(running);
    assertEquals("processing", processing.getStatus(), "the job held at the gate");
    assertTrue(processing.hasStartedAt(), "a processing job has started_at");
    assertFalse(processing.hasCompletedAt(), "a processing job has no completed_at");
    assertFalse(processing.hasResult(), "a processing job has no result");
    assertEquals("", processing.getErrorMessage(), "a processing job has no error");

    GetJobStatusResponse waiting = status(queued);
    assertEquals("queued", waiting.getStatus(), "the job behind it");
    assertTrue(waiting.hasQueuedAt(), "a queued job has queued_at");
    assertFalse(waiting.hasStartedAt(), "a queued job has no started_at");
    assertFalse(waiting.hasCompletedAt(), "a queued job has no completed_at");
  }

  // --- ListJobs -----------------------------------------------------------------------------

  /** Five finished jobs, oldest first: A..E. */
  private List<String> fiveFinishedJobs() {
    List<String> jobs = new ArrayList<>();
    jobs.add(calculate(DAY, "").getJobId()); // A completed
    jobs.add(calculate(DAY, "phone").getJobId()); // B completed
    jobs.add(calculate(EMPTY_DAY, "").getJobId()); // C failed
    jobs.add(calculate(DAY, "tablet").getJobId()); // D completed
    jobs.add(calculate(EMPTY_DAY, "phone").getJobId()); // E failed
    jobs.forEach(this::awaitFinished);
    return jobs;
  }

  @Test
  void listJobsWithoutFiltersListsEveryJobNewestFirst() throws IOException {
    startService(1, 10);
    List<String> jobs = fiveFinishedJobs();

    ListJobsResponse page = list(ListJobsRequest.getDefaultInstance());

    assertEquals(
        List.of(jobs.get(4), jobs.get(3), jobs.get(2), jobs.get(1), jobs.get(0)),
        ids(page),
        "every job, newest first");
    assertEquals(5, page.getTotalCount(), "total_count");
    assertEquals(50, page.getLimit(), "limit 0 means 50");
    assertEquals(0, page.getOffset(), "offset");

    JobSummary newest = page.getJobs(0);
    assertEquals("failed", newest.getStatus(), "E failed");
    assertEquals(EMPTY_DAY, newest.getDate(), "E's date");
    assertEquals("phone", newest.getDeviceId(), "E's device");
    assertTrue(newest.hasQueuedAt(), "queued_at in the summary");
    assertTrue(newest.hasCompletedAt(), "completed_at in the summary of a finished job");
    assertEquals("", page.getJobs(4).getDeviceId(), "A is for all devices");
    assertEquals("completed", page.getJobs(4).getStatus(), "A completed");
  }

  @Test
  void listJobsAppliesEachFilter() throws IOException {
    startService(1, 10);
    List<String> jobs = fiveFinishedJobs();
    String a = jobs.get(0);
    String b = jobs.get(1);
    String c = jobs.get(2);
    String d = jobs.get(3);
    String e = jobs.get(4);

    ListJobsResponse completed = list(ListJobsRequest.newBuilder().setStatus("completed").build());
    assertEquals(List.of(d, b, a), ids(completed), "status=completed");
    assertEquals(3, completed.getTotalCount(), "total_count counts only matching jobs");

    ListJobsResponse failed = list(ListJobsRequest.newBuilder().setStatus("failed").build());
    assertEquals(List.of(e, c), ids(failed), "status=failed");
    assertEquals(2, failed.getTotalCount(), "total_count of failed jobs");

    ListJobsResponse queued = list(ListJobsRequest.newBuilder().setStatus("queued").build());
    assertEquals(List.of(), ids(queued), "no job is still queued");
    assertEquals(0, queued.getTotalCount(), "total_count of queued jobs");

    ListJobsResponse byDate = list(ListJobsRequest.newBuilder().setDate(EMPTY_DAY).build());
    assertEquals(List.of(e, c), ids(byDate), "date=2026-01-20");
    assertEquals(2, byDate.getTotalCount(), "total_count for the date");

    ListJobsResponse byDevice = list(ListJobsRequest.newBuilder().setDeviceId("phone").build());
    assertEquals(List.of(e, b), ids(byDevice), "device_id=phone");
    assertEquals(2, byDevice.getTotalCount(), "total_count for the device");

    ListJobsResponse combined =
        list(
            ListJobsRequest.newBuilder()
                .setStatus("completed")
                .setDate(DAY)
                .setDeviceId("phone")
                .build());
    assertEquals(List.of(b), ids(combined), "status, date and device together");
    assertEquals(1, combined.getTotalCount(), "total_count with all filters");
  }

  @Test
  void listJobsPagesWithLimitAndOffset() throws IOException {
    startService(1, 10);
    List<String> jobs = fiveFinishedJobs();

    ListJobsResponse page = list(ListJobsRequest.newBuilder().setLimit(2).setOffset(1).build());
    assertEquals(List.of(jobs.get(3), jobs.get(2)), ids(page), "2nd and 3rd newest");
    assertEquals(5, page.getTotalCount(), "total_count is all matching jobs, not the page");
    assertEquals(2, page.getLimit(), "limit echoed");
    assertEquals(1, page.getOffset(), "offset echoed");

    ListJobsResponse last = list(ListJobsRequest.newBuilder().setLimit(2).setOffset(4).build());
    assertEquals(List.of(jobs.get(0)), ids(last), "the last page holds the oldest job");

    ListJobsResponse beyond = list(ListJobsRequest.newBuilder().setOffset(10).build());
    assertEquals(List.of(), ids(beyond), "an offset past the end gives an empty page");
    assertEquals(5, beyond.getTotalCount(), "total_count still counts every match");

    ListJobsResponse filteredPage =
        list(ListJobsRequest.newBuilder().setStatus("completed").setLimit(1).setOffset(1).build());
    assertEquals(List.of(jobs.get(1)), ids(filteredPage), "paging applies after filtering");
    assertEquals(3, filteredPage.getTotalCount(), "total_count of the filtered jobs");
  }

  @Test
  void listJobsDefaultsTo50AndCapsAt500() throws IOException, InterruptedException {
    startGatedService(1, 600);
    calculate(DAY, "");
    gate.awaitWorkerAtGate();
    for (int i = 1; i < 501; i++) {
      calculate(DAY, "");
    }

    ListJobsResponse byDefault = list(ListJobsRequest.newBuilder().setLimit(0).build());
    assertEquals(50, byDefault.getJobsCount(), "limit 0 returns 50 jobs");
    assertEquals(50, byDefault.getLimit(), "limit 0 is reported as 50");
    assertEquals(501, byDefault.getTotalCount(), "total_count is every job");

    ListJobsResponse capped = list(ListJobsRequest.newBuilder().setLimit(1000).build());
    assertEquals(500, capped.getJobsCount(), "limit 1000 returns at most 500 jobs");
    assertEquals(500, capped.getLimit(), "limit is reported as capped to 500");
    assertEquals(501, capped.getTotalCount(), "total_count is every job");

    ListJobsResponse exact = list(ListJobsRequest.newBuilder().setLimit(500).build());
    assertEquals(500, exact.getJobsCount(), "limit 500 is allowed");

    ListJobsResponse queued =
        list(ListJobsRequest.newBuilder().setStatus("queued").setLimit(500).build());
    assertEquals(500, queued.getTotalCount(), "500 jobs wait behind the one at the gate");
  }
}
