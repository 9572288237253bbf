package io.oteldemo.worker;

import com.google.protobuf.Timestamp;
import io.oteldemo.worker.proto.CalculateDistanceResponse;
import io.oteldemo.worker.proto.GetJobStatusResponse;
import io.oteldemo.worker.proto.JobResult;
import io.oteldemo.worker.proto.JobSummary;
import io.oteldemo.worker.proto.ListJobsResponse;
import java.time.Instant;
import java.util.Optional;

/** Translates the worker's protobuf messages into our records. */
final class WorkerMessages {

  private WorkerMessages() {}

  static QueuedJob queuedJob(CalculateDistanceResponse response) {
    return new QueuedJob(
        response.getJobId(), response.getStatus(), instant(response.getQueuedAt()));
  }

  static WorkerJob job(GetJobStatusResponse response) {
    return new WorkerJob(
        response.getJobId(),
        response.getStatus(),
        instant(response.getQueuedAt()),
        response.hasStartedAt() ? Optional.of(instant(response.getStartedAt())) : Optional.empty(),
        response.hasCompletedAt()
            ? Optional.of(instant(response.getCompletedAt()))
            : Optional.empty(),
        response.getErrorMessage().isEmpty()
            ? Optional.empty()
            : Optional.of(response.getErrorMessage()),
        response.hasResult() ? Optional.of(result(response.getResult())) : Optional.empty());
  }

  static WorkerJobPage page(ListJobsResponse response) {
    return new WorkerJobPage(
        response.getJobsList().stream().map(WorkerMessages::summary).toList(),
        response.getTotalCount(),
        response.getLimit(),
        response.getOffset());
  }

  private static WorkerJobSummary summary(JobSummary job) {
    return new WorkerJobSummary(
        job.getJobId(),
        job.getStatus(),
        job.getDate(),
        job.getDeviceId(),
        instant(job.getQueuedAt()),
        job.hasCompletedAt() ? Optional.of(instant(job.getCompletedAt())) : Optional.empty());
  }

  private static WorkerJobResult result(JobResult result) {
    return new WorkerJobResult(
        result.getCsvPath(),
        result.getTotalDistanceKm(),
        result.getTotalLocations(),
        result.getMaxDistanceKm(),
        result.getMinDistanceKm(),
        result.getDate(),
        result.getDeviceId(),
        result.getProcessingTimeMs());
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
