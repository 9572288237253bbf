package io.oteldemo.embedded;

import static io.oteldemo.embedded.EmbeddedTestSupport.awaitUntil;
import static io.oteldemo.locations.RecorderFiles.locationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.embedded.EmbeddedTestSupport.GatedCsvDirectory;
import io.oteldemo.locations.LocationPage;
import io.oteldemo.locations.LocationQuery;
import io.oteldemo.locations.LocationRecord;
import io.oteldemo.locations.LocationStore;
import io.oteldemo.locations.LocationStoreException;
import io.oteldemo.locations.StoreStatus;
import io.oteldemo.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreFixtureExtension.class)
class EmbeddedJobBoardTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);
  private static final LocalDate EMPTY_DAY = LocalDate.of(2026, 1, 20);
  private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

  private StoreFixture fixture;
  private Path csvDirectory;

  private final List<EmbeddedJobBoard> boards = new ArrayList<>();
  private final List<GatedCsvDirectory> gates = new ArrayList<>();

  @BeforeEach
  void buildStore(StoreFixture fixture) throws IOException {
    this.fixture = fixture;
    this.csvDirectory = fixture.csvDirectory();
    fixture.write(
        "stuart/phone/2026-01",
        locationLine("2026-01-25T08:00:00Z", 40.736097, -74.039373, 5, 90, 0),
        locationLine("2026-01-25T14:00:00Z", 40.7527, -73.9772, 10, 60, 4));
  }

  @AfterEach
  void closeBoards() {
    gates.forEach(GatedCsvDirectory::release);
    boards.forEach(EmbeddedJobBoard::close);
  }

  private EmbeddedJobBoard board(Path csvDir, int workers, int capacity, int kept) {
    EmbeddedJobBoard board =
        new EmbeddedJobBoard(
            fixture.processor(csvDir),
            MutableClock.ticking(T0, Duration.ofSeconds(1)),
            workers,
            capacity,
            kept);
    boards.add(board);
    return board;
  }

  private GatedCsvDirectory gate() {
    GatedCsvDirectory gate = new GatedCsvDirectory(csvDirectory);
    gates.add(gate);
    return gate;
  }

  private static EmbeddedJob awaitFinished(EmbeddedJobBoard board, String jobId) {
    awaitUntil(
        "job " + jobId + " is finished",
        () -> board.find(jobId).map(job -> job.status().isFinished()).orElse(false));
    return board.find(jobId).orElseThrow();
  }

  @Test
  void jobIsQueuedThenCompletesWithItsOutcome() {
    EmbeddedJobBoard board = board(csvDirectory, 1, 10, 10);

    EmbeddedJob queued = board.submit(DAY, Optional.of("phone"));

    assertEquals(EmbeddedJobStatus.QUEUED, queued.status(), "submit answers with a queued job");
    assertFalse(queued.jobId().isBlank(), "the job has an id");
    assertEquals(T0, queued.queuedAt(), "queued at the clock's time");
    assertEquals(Optional.empty(), queued.startedAt(), "not started when queued");
    assertEquals(Optional.empty(), queued.completedAt(), "not completed when queued");

    EmbeddedJob done = awaitFinished(board, queued.jobId());

    assertEquals(
        EmbeddedJobStatus.COMPLETED, done.status(), "the day has data, so the job completes");
    assertEquals(queued.jobId(), done.jobId(), "same job id");
    assertEquals(DAY, done.date(), "date kept");
    assertEquals(Optional.of("phone"), done.deviceId(), "device kept");
    assertEquals(T0, done.queuedAt(), "queued time kept");
    assertTrue(done.startedAt().isPresent(), "started time set");
    assertTrue(done.completedAt().isPresent(), "completed time set");
    assertTrue(
        done.startedAt().get().isAfter(done.queuedAt()),
        "started after queued (ticking clock): " + done);
    assertTrue(
        done.completedAt().get().isAfter(done.startedAt().get()),
        "completed after started (ticking clock): " + done);
    assertEquals(Optional.empty(), done.errorMessage(), "no error on success");
    JobOutcome outcome = done.outcome().orElseThrow(() -> new AssertionError("no outcome"));
    assertEquals(2, outcome.summary().totalLocations(), "both locations of phone counted");
    assertEquals(
        csvDirectory.resolve("distance_20260125_phone.csv"), outcome.csvPath(), "CSV of the job");
    assertTrue(Files.isRegularFile(outcome.csvPath()), "CSV written");
  }

  @Test
  void runningJobIsProcessingWhileTheNextOneWaitsQueued() throws InterruptedException {
    GatedCsvDirectory gate = gate();
    EmbeddedJobBoard board = board(gate.path(), 1, 5, 10);

    EmbeddedJob first = board.submit(DAY, Optional.empty());
    EmbeddedJob second = board.submit(DAY, Optional.of("phone"));
    gate.awaitWorkerAtGate();

    EmbeddedJob running = board.find(first.jobId()).orElseThrow();
    assertEquals(EmbeddedJobStatus.PROCESSING, running.status(), "the job held by the worker");
    assertTrue(running.startedAt().isPresent(), "a processing job has a start time");
    assertEquals(Optional.empty(), running.completedAt(), "a processing job has no end time");
    EmbeddedJob waiting = board.find(second.jobId()).orElseThrow();
    assertEquals(EmbeddedJobStatus.QUEUED, waiting.status(), "the only worker is busy");
    assertEquals(Optional.empty(), waiting.startedAt(), "a queued job has no start time");

    gate.release();
    assertTrue(awaitFinished(board, first.jobId()).status().isFinished(), "first job ends");
    assertTrue(awaitFinished(board, second.jobId()).status().isFinished(), "second job ends");
  }

  @Test
  void dayWithoutLocationsFailsWithTheWorkersMessage() {
    EmbeddedJobBoard board = board(csvDirectory, 1, 10, 10);

    EmbeddedJob job = awaitFinished(board, board.submit(EMPTY_DAY, Optional.empty()).jobId());

    assertEquals(EmbeddedJobStatus.FAILED, job.status(), "no data that day -> failed");
    assertEquals(
        Optional.of("no locations found for date 2026-01-20"),
        job.errorMessage(),
        "the processor's message is the job's error");
    assertEquals(Optional.empty(), job.outcome(), "a failed job has no outcome");
    assertTrue(job.startedAt().isPresent(), "a failed job was started");
    assertTrue(job.completedAt().isPresent(), "a failed job has an end time");
  }

  @Test
  void unexpectedErrorFailsTheJobWithAShortMessage() throws IOException {
    Path notAFolder = Files.writeString(csvDirectory.resolve("occupied"), "a file, not a folder");
    EmbeddedJobBoard board = board(notAFolder, 1, 10, 10);

    EmbeddedJob job = awaitFinished(board, board.submit(DAY, Optional.empty()).jobId());

    assertEquals(
        EmbeddedJobStatus.FAILED, job.status(), "a CSV that cannot be written fails the job");
    assertEquals(
        Optional.of("processing failed: UncheckedIOException"),
        job.errorMessage(),
        "unexpected errors are reported by exception type only");
    assertEquals(Optional.empty(), job.outcome(), "no outcome");
  }

  @Test
  void anUnreadableStoreFailsTheJobSayingSo() {
    LocationStore unreadable =
        new LocationStore() {
          @Override
          public StoreStatus status() {
            throw new UnsupportedOperationException();
          }

          @Override
          public List<LocationRecord> locations(LocalDate day, Optional<String> deviceId) {
            throw new LocationStoreException("Cannot read the PostgreSQL database at db:5432");
          }

          @Override
          public LocationPage page(LocationQuery query) {
            throw new UnsupportedOperationException();
          }
        };
    EmbeddedJobBoard board =
        new EmbeddedJobBoard(
            new DistanceJobProcessor(
                unreadable, EmbeddedTestSupport.HOME, new DistanceCsvWriter(csvDirectory)),
            MutableClock.ticking(T0, Duration.ofSeconds(1)),
            1,
            10,
            10);
    boards.add(board);

    EmbeddedJob job = awaitFinished(board, board.submit(DAY, Optional.empty()).jobId());

    assertEquals(EmbeddedJobStatus.FAILED, job.status());
    assertEquals(
        Optional.of("processing failed: the location store is unavailable"),
        job.errorMessage(),
        "the job says the store failed, not where it is");
  }

  @Test
  void fullQueueRefusesJobsUntilItDrains() throws InterruptedException {
    GatedCsvDirectory gate = gate();
    EmbeddedJobBoard board = board(gate.path(), 1, 2, 10);

    EmbeddedJob running = board.submit(DAY, Optional.empty());
    EmbeddedJob queued1 = board.submit(DAY, Optional.empty());
    EmbeddedJob queued2 = board.submit(DAY, Optional.empty());

    EmbeddedJobBoard.QueueFullException refused =
        assertThrows(
            EmbeddedJobBoard.QueueFullException.class,
            () -> board.submit(DAY, Optional.empty()),
            "1 worker busy + 2 queued: the 4th job must be refused");
    assertEquals("job queue is full", refused.getMessage(), "refusal message");
    assertEquals(3, board.matching(job -> true).size(), "the refused job is not kept on the board");

    gate.awaitWorkerAtGate();
    gate.release();
    for (EmbeddedJob job : List.of(running, queued1, queued2)) {
      assertTrue(awaitFinished(board, job.jobId()).status().isFinished(), "accepted job ends");
    }
    EmbeddedJob later = board.submit(DAY, Optional.empty());
    assertEquals(EmbeddedJobStatus.QUEUED, later.status(), "a drained queue accepts jobs again");
  }

  @Test
  void keepsOnlyTheNewestFinishedJobs() {
    EmbeddedJobBoard board = board(csvDirectory, 1, 10, 2);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(board.submit(EMPTY_DAY, Optional.empty()).jobId());
    }
    awaitUntil(
        "the last job finished and the board holds 2 jobs",
        () ->
            board.find(ids.get(3)).map(job -> job.status().isFinished()).orElse(false)
                && board.matching(job -> true).size() == 2);

    assertEquals(Optional.empty(), board.find(ids.get(0)), "oldest finished job evicted");
    assertEquals(Optional.empty(), board.find(ids.get(1)), "second oldest finished job evicted");
    assertTrue(board.find(ids.get(2)).isPresent(), "third job kept");
    assertTrue(board.find(ids.get(3)).isPresent(), "newest job kept");
  }

  @Test
  void unfinishedJobsAreNeverEvicted() throws InterruptedException {
    GatedCsvDirectory gate = gate();
    EmbeddedJobBoard board = board(gate.path(), 1, 10, 1);

    EmbeddedJob held = board.submit(DAY, Optional.empty());
    gate.awaitWorkerAtGate();
    // The held job keeps the only worker; later jobs queue behind it.
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(board.submit(EMPTY_DAY, Optional.empty()).jobId());
    }

    assertEquals(
        4, board.matching(job -> !job.status().isFinished()).size(), "all 4 unfinished kept");
    gate.release();
    awaitUntil(
        "every job finished and only one is kept",
        () ->
            board.find(waiting.get(2)).map(job -> job.status().isFinished()).orElse(false)
                && board.matching(job -> true).size() == 1);
    assertTrue(board.find(waiting.get(2)).isPresent(), "the newest finished job is kept");
    assertEquals(Optional.empty(), board.find(held.jobId()), "older finished job evicted");
  }

  @Test
  void matchingFiltersAndListsNewestFirst() {
    EmbeddedJobBoard board = board(csvDirectory, 1, 10, 10);
    String a = board.submit(DAY, Optional.of("phone")).jobId();
    String b = board.submit(EMPTY_DAY, Optional.empty()).jobId();
    String c = board.submit(DAY, Optional.empty()).jobId();
    awaitFinished(board, a);
    awaitFinished(board, b);
    awaitFinished(board, c);

    assertEquals(
        List.of(c, b, a),
        board.matching(job -> true).stream().map(EmbeddedJob::jobId).toList(),
        "all jobs, newest first");
    assertEquals(
        List.of(c, a),
        board.matching(job -> job.date().equals(DAY)).stream().map(EmbeddedJob::jobId).toList(),
        "only the jobs of the 25th, newest first");
    assertEquals(
        List.of(b),
        board.matching(job -> job.status() == EmbeddedJobStatus.FAILED).stream()
            .map(EmbeddedJob::jobId)
            .toList(),
        "only the failed job");
  }

  @Test
  void jobOfAHeldDeviceStaysProcessingWhileOthersComplete() {
    EmbeddedJobBoard board =
        new EmbeddedJobBoard(
            fixture.processor(csvDirectory),
            MutableClock.ticking(T0, Duration.ofSeconds(1)),
            1,
            10,
            10,
            Set.of("held"));
    boards.add(board);

    EmbeddedJob held = board.submit(DAY, Optional.of("held"));
    EmbeddedJob other = board.submit(DAY, Optional.of("phone"));

    assertEquals(EmbeddedJobStatus.PROCESSING, held.status(), "a held device's job starts at once");
    assertTrue(held.startedAt().isPresent(), "and has a start time");
    assertEquals(
        EmbeddedJobStatus.COMPLETED,
        awaitFinished(board, other.jobId()).status(),
        "another device's job runs as usual");
    EmbeddedJob later = board.find(held.jobId()).orElseThrow();
    assertEquals(EmbeddedJobStatus.PROCESSING, later.status(), "the held job never finishes");
    assertEquals(Optional.empty(), later.completedAt(), "no end time");
  }

  @Test
  void closeStopsTheWorkerThreads() throws InterruptedException {
    GatedCsvDirectory gate = gate();
    EmbeddedJobBoard board = board(gate.path(), 1, 5, 10);
    board.submit(DAY, Optional.empty());
    Thread worker = gate.awaitWorkerAtGate();
    assertTrue(worker.isAlive(), "the worker thread runs the held job");
    assertTrue(worker.isDaemon(), "worker threads must not keep the JVM alive");

    board.close();

    worker.join(EmbeddedTestSupport.WAIT_LIMIT.toMillis());
    assertFalse(worker.isAlive(), "close() must stop the worker thread, even mid-job");
  }
}
