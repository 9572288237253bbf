package io.oteldemo.distance;

import io.oteldemo.worker.DistanceWorkerClient;
import io.oteldemo.worker.JobStatus;
import io.oteldemo.worker.WorkerJobPage;
import io.oteldemo.worker.WorkerJobSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lists jobs correctly whatever the worker does with its filters. The deployed worker applies only
 * the status filter, returns jobs in no particular order and reports the page size as the total; so
 * the whole list is read from the worker, filtered, ordered (newest first) and paged here, and the
 * totals are counted here.
 */
final class JobListing {

  static final int WORKER_PAGE_SIZE = 500;

  /** The worker keeps jobs in memory; this bounds one listing to 10,000 of them. */
  static final int MAX_WORKER_PAGES = 20;

  private JobListing() {}

  /** Every job the worker reports for the status filter, each once. */
  static List<WorkerJobSummary> readAll(DistanceWorkerClient worker, Optional<JobStatus> status) {
    Map<String, WorkerJobSummary> jobs = new LinkedHashMap<>();
    for (int page = 0; page < MAX_WORKER_PAGES; page++) {
      WorkerJobPage batch = worker.listJobs(status, WORKER_PAGE_SIZE, page * WORKER_PAGE_SIZE);
      batch.jobs().forEach(job -> jobs.putIfAbsent(job.jobId(), job));
      if (batch.jobs().size() < WORKER_PAGE_SIZE) {
        break;
      }
    }
    return new ArrayList<>(jobs.values());
  }

  /** The query's page of the matching jobs, and how many match in all. */
  static Page page(List<WorkerJobSummary> jobs, JobQuery query) {
    List<WorkerJobSummary> matching =
        jobs.stream()
            .filter(matches(query))
            .sorted(
                Comparator.comparing(WorkerJobSummary::queuedAt)
                    .reversed()
                    .thenComparing(WorkerJobSummary::jobId))
            .toList();
    int from = Math.min(query.offset(), matching.size());
    int to = (int) Math.min((long) from + query.limit(), matching.size());
    Integer nextOffset = to < matching.size() ? to : null;
    return new Page(matching.subList(from, to), matching.size(), nextOffset);
  }

  private static Predicate<WorkerJobSummary> matches(JobQuery query) {
    return job ->
        query.status().map(status -> status.wireName().equals(job.status())).orElse(true)
            && query.date().map(date -> date.toString().equals(job.date())).orElse(true)
            && query.deviceId().map(device -> device.equals(job.deviceId())).orElse(true);
  }

  /** A page of jobs; {@code nextOffset} is null on the last page. */
  record Page(List<WorkerJobSummary> jobs, int totalCount, Integer nextOffset) {}
}
