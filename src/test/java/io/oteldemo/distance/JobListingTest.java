package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.QueuedJob;
import io.oteldemo.worker.WorkerHealth;
import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobPage;
import io.oteldemo.worker.WorkerJobSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobListingTest {

  private static final Instant T0 = Instant.parse("2026-01-26T09:00:00Z");

  // --- filters, order, totals ------------------------------------------------------------------

  @Test
  void dateAndDeviceFiltersAreAppliedHereBecauseTheWorkerIgnoresThem() {
    List<WorkerJobSummary> jobs =
        List.of(
            job("a", "completed", "2026-01-25", "iphone_stuart", 1),
            job("b", "completed", "2026-01-25", "pixel", 2),
            job("c", "completed", "2026-01-24", "iphone_stuart", 3),
            job("d", "failed", "2026-01-25", "iphone_stuart", 4),
            job("e", "queued", "2026-01-25", "", 5));
    DeployedLikeWorker worker = new DeployedLikeWorker(jobs);

    JobListing.Page page =
        list(worker, query(Optional.empty(), "2026-01-25", "iphone_stuart", 50, 0));

    assertEquals(
        List.of("d", "a"), ids(page), "only 2026-01-25 jobs of iphone_stuart, newest first");
    assertEquals(2, page.totalCount(), "total_count should count every matching job");
    assertNull(page.nextOffset(), "one page holds them all");
  }

  @Test
  void aDeviceFilterDoesNotMatchAllDeviceJobs() {
    DeployedLikeWorker worker =
        new DeployedLikeWorker(
            List.of(
                job("all", "completed", "2026-01-25", "", 1),
                job("one", "completed", "2026-01-25", "iphone_stuart", 2)));

    JobListing.Page page = list(worker, query(Optional.empty(), null, "iphone_stuart", 50, 0));

    assertEquals(
        List.of("one"),
        ids(page),
        "a job for every device (empty device id) is not a job of iphone_stuart");
  }

  @Test
  void statusFilterIsSentToTheWorkerAndAppliedHere() {
    List<WorkerJobSummary> jobs =
        List.of(
            job("a", "completed", "2026-01-25", "x", 1),
            job("b", "failed", "2026-01-25", "x", 2),
            job("c", "completed", "2026-01-25", "x", 3));
    DeployedLikeWorker worker = new DeployedLikeWorker(jobs);

    JobListing.Page page = list(worker, query(Optional.of(JobStatus.COMPLETED), null, null, 50, 0));

    assertEquals(List.of("c", "a"), ids(page));
    assertEquals(
        List.of(Optional.of(JobStatus.COMPLETED)),
        worker.statusesAsked,
        "the status filter should be passed to the worker");
  }

  @Test
  void aWorkerThatIgnoresTheStatusFilterIsFilteredHere() {
    DeployedLikeWorker worker =
        new DeployedLikeWorker(
            List.of(
                job("a", "completed", "2026-01-25", "x", 1),
                job("b", "failed", "2026-01-25", "x", 2)));
    worker.honoursStatus = false;

    JobListing.Page page = list(worker, query(Optional.of(JobStatus.FAILED), null, null, 50, 0));

    assertEquals(List.of("b"), ids(page));
    assertEquals(1, page.totalCount());
  }

  @Test
  void newestFirstWithTiesInJobIdOrder() {
    List<WorkerJobSummary> jobs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      jobs.add(job(String.format("job-%02d", i), "completed", "2026-01-25", "x", i / 2));
    }
    DeployedLikeWorker worker = new DeployedLikeWorker(jobs);

    JobListing.Page page = list(worker, query(Optional.empty(), null, null, 500, 0));

    List<String> expected = new ArrayList<>();
    for (int second = 19; second >= 0; second--) {
      expected.add(String.format("job-%02d", second * 2));
      expected.add(String.format("job-%02d", second * 2 + 1));
    }
    assertEquals(
        expected,
        ids(page),
        "jobs should be newest first, those queued at the same instant by job id");
  }

  @Test
  void totalCountIsAllMatchingJobsNotThePageSize() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(120, "2026-01-25"));

    JobListing.Page page = list(worker, query(Optional.empty(), "2026-01-25", null, 10, 20));

    assertEquals(10, page.jobs().size(), "a page of the asked size");
    assertEquals(120, page.totalCount(), "the worker reports the page size as total; we must not");
  }

  // --- paging ----------------------------------------------------------------------------------

  @Test
  void nextOffsetPointsAtTheNextPageAndIsNullOnTheLast() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(7, "2026-01-25"));

    JobListing.Page first = list(worker, query(Optional.empty(), null, null, 3, 0));
    JobListing.Page second = list(worker, query(Optional.empty(), null, null, 3, 3));
    JobListing.Page last = list(worker, query(Optional.empty(), null, null, 3, 6));

    assertEquals(List.of("n006", "n005", "n004"), ids(first));
    assertEquals(3, first.nextOffset(), "next_offset of the first page");
    assertEquals(List.of("n003", "n002", "n001"), ids(second));
    assertEquals(6, second.nextOffset(), "next_offset of the second page");
    assertEquals(List.of("n000"), ids(last));
    assertNull(last.nextOffset(), "next_offset should be null on the last page");
    for (JobListing.Page page : List.of(first, second, last)) {
      assertEquals(7, page.totalCount(), "total_count should be the same on every page");
    }
  }

  @Test
  void aFullLastPageHasNoNextOffset() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(6, "2026-01-25"));

    JobListing.Page page = list(worker, query(Optional.empty(), null, null, 3, 3));

    assertEquals(3, page.jobs().size());
    assertNull(page.nextOffset(), "no next page when the last page is exactly full");
  }

  @Test
  void anOffsetInTheMiddleOfAPageContinuesFromThere() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(10, "2026-01-25"));

    JobListing.Page page = list(worker, query(Optional.empty(), null, null, 4, 5));

    assertEquals(List.of("n004", "n003", "n002", "n001"), ids(page));
    assertEquals(9, page.nextOffset());
  }

  @Test
  void offsetBeyondTheEndIsAnEmptyLastPage() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(5, "2026-01-25"));

    for (int offset : new int[] {5, 6, 1000, Integer.MAX_VALUE}) {
      JobListing.Page page = list(worker, query(Optional.empty(), null, null, 500, offset));

      assertEquals(List.of(), page.jobs(), "offset " + offset + " should give an empty page");
      assertEquals(5, page.totalCount(), "total_count still counts the matching jobs");
      assertNull(page.nextOffset(), "offset " + offset + ": no next page");
    }
  }

  @Test
  void noJobsAtAll() {
    JobListing.Page page =
        list(new DeployedLikeWorker(List.of()), query(Optional.empty(), null, null, 50, 0));

    assertEquals(List.of(), page.jobs());
    assertEquals(0, page.totalCount());
    assertNull(page.nextOffset());
  }

  // --- reading the worker's pages --------------------------------------------------------------

  @Test
  void moreThan500JobsAreReadOverSeveralWorkerPagesWithoutDuplicates() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(1234, "2026-01-25"));

    List<WorkerJobSummary> all = JobListing.readAll(worker, Optional.empty());

    assertEquals(List.of(0, 500, 1000), worker.offsetsAsked, "three worker pages of 500");
    assertEquals(List.of(500, 500, 500), worker.limitsAsked, "each asked with the worker's max");
    assertEquals(1234, all.size(), "every job once");
    assertEquals(1234, new HashSet<>(ids(all)).size(), "no job twice");

    JobListing.Page page = JobListing.page(all, query(Optional.empty(), null, null, 500, 1000));
    assertEquals(234, page.jobs().size());
    assertEquals(1234, page.totalCount());
    assertNull(page.nextOffset());
  }

  @Test
  void exactlyOneFullWorkerPageIsFollowedByAnEmptyOne() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(500, "2026-01-25"));

    List<WorkerJobSummary> all = JobListing.readAll(worker, Optional.empty());

    assertEquals(500, all.size());
    assertEquals(
        List.of(0, 500),
        worker.offsetsAsked,
        "a full page may not be the last, so the next one is asked for");
  }

  @Test
  void jobsThatShiftBetweenWorkerPagesAreNotCountedTwice() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(1000, "2026-01-25"));
    // a new job arrives at the front of the worker's list after the first page was read,
    // pushing the first page's last job onto the second page
    worker.afterFirstPage = () -> worker.jobs.add(0, job("new", "queued", "2026-01-25", "x", 5000));

    List<WorkerJobSummary> all = JobListing.readAll(worker, Optional.empty());

    List<String> ids = ids(all);
    assertEquals(new HashSet<>(ids).size(), ids.size(), "no job should be listed twice");
    assertEquals(1000, ids.size(), "the 1000 jobs of the first read, each once");
  }

  @Test
  void aWorkerThatNeverRunsOutOfJobsIsReadAtMost20Pages() {
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(10_500, "2026-01-25"));

    List<WorkerJobSummary> all = JobListing.readAll(worker, Optional.empty());

    assertEquals(20, worker.offsetsAsked.size(), "the listing reads at most 20 worker pages");
    assertEquals(10_000, all.size());
  }

  @Test
  void theFakeBehavesLikeTheDeployedWorker() {
    // The fake must be as awkward as the worker, or the tests above prove nothing.
    DeployedLikeWorker worker = new DeployedLikeWorker(numbered(600, "2026-01-25"));

    WorkerJobPage page = worker.listJobs(Optional.empty(), 0, 0);
    assertEquals(50, page.jobs().size(), "limit 0 means 50");
    assertEquals(50, page.totalCount(), "total_count is the page size");
    assertEquals(500, worker.listJobs(Optional.empty(), 1000, 0).jobs().size(), "capped at 500");
    List<Instant> queued =
        worker.listJobs(Optional.empty(), 500, 0).jobs().stream()
            .map(WorkerJobSummary::queuedAt)
            .toList();
    List<Instant> sorted = new ArrayList<>(queued);
    sorted.sort(Collections.reverseOrder());
    assertNotEquals(sorted, queued, "the fake's pages should not come newest first");
    Set<String> twoPages = new HashSet<>(ids(worker.listJobs(Optional.empty(), 500, 0).jobs()));
    twoPages.addAll(ids(worker.listJobs(Optional.empty(), 500, 500).jobs()));
    assertEquals(600, twoPages.size(), "the fake's pages should not overlap");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static JobListing.Page list(DistanceWorkerClient worker, JobQuery query) {
    return JobListing.page(JobListing.readAll(worker, query.status()), query);
  }

  private static JobQuery query(
      Optional<JobStatus> status, String date, String deviceId, int limit, int offset) {
    return new JobQuery(
        status,
        Optional.ofNullable(date).map(LocalDate::parse),
        Optional.ofNullable(deviceId),
        limit,
        offset);
  }

  /** Jobs n000.. queued one second apart, so n(k) is newer than n(k-1). */
  private static List<WorkerJobSummary> numbered(int count, String date) {
    List<WorkerJobSummary> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(job(String.format("n%03d", i), "completed", date, "iphone_stuart", i));
    }
    return jobs;
  }

  private static WorkerJobSummary job(
      String id, String status, String date, String deviceId, long secondsAfterT0) {
    return new WorkerJobSummary(
        id, status, date, deviceId, T0.plusSeconds(secondsAfterT0), Optional.empty());
  }

  private static List<String> ids(JobListing.Page page) {
    return ids(page.jobs());
  }

  private static List<String> ids(List<WorkerJobSummary> jobs) {
    return jobs.stream().map(WorkerJobSummary::jobId).toList();
  }

  /**
   * Behaves like the deployed otel-worker: keeps its jobs in an order of its own (not by time),
   * honours status, limit (0 means 50, capped at 500) and offset over that order, shuffles each
   * page, and reports the page size as total_count. It is never told of date or device filters.
   */
  private static final class DeployedLikeWorker implements DistanceWorkerClient {

    final List<WorkerJobSummary> jobs;
    final List<Integer> offsetsAsked = new ArrayList<>();
    final List<Integer> limitsAsked = new ArrayList<>();
    final List<Optional<JobStatus>> statusesAsked = new ArrayList<>();
    final Random random = new Random(42);
    boolean honoursStatus = true;
    Runnable afterFirstPage = () -> {};

    DeployedLikeWorker(List<WorkerJobSummary> jobs) {
      this.jobs = new ArrayList<>(jobs);
      Collections.shuffle(this.jobs, random);
    }

    @Override
    public WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset) {
      offsetsAsked.add(offset);
      limitsAsked.add(limit);
      statusesAsked.add(status);
      int size = limit == 0 ? 50 : Math.min(limit, 500);
      List<WorkerJobSummary> matching =
          jobs.stream()
              .filter(
                  job ->
                      !honoursStatus
                          || status.map(s -> s.wireName().equals(job.status())).orElse(true))
              .toList();
      List<WorkerJobSummary> page =
          new ArrayList<>(
              matching.subList(
                  Math.min(offset, matching.size()), Math.min(offset + size, matching.size())));
      Collections.shuffle(page, random);
      if (offsetsAsked.size() == 1) {
        afterFirstPage.run();
      }
      return new WorkerJobPage(page, page.size(), size, offset);
    }

    @Override
    public QueuedJob calculate(LocalDate date, Optional<String> deviceId) {
      throw new UnsupportedOperationException("listing only");
    }

    @Override
    public WorkerJob jobStatus(String jobId) {
      throw new UnsupportedOperationException("listing only");
    }

    @Override
    public WorkerHealth health() {
      throw new UnsupportedOperationException("listing only");
    }
  }
}
