package io.oteldemo.embedded;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The embedded worker's {@code distance.v1.DistanceService}: otel-worker's contract, with proper
 * status codes (INVALID_ARGUMENT, NOT_FOUND, RESOURCE_EXHAUSTED) and every ListJobs filter applied,
 * newest first, with the number of matching jobs as total_count.
 */
public final class EmbeddedDistanceService extends DistanceServiceGrpc.DistanceServiceImplBase {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final EmbeddedJobBoard board;

  public EmbeddedDistanceService(EmbeddedJobBoard board) {
    this.board = board;
  }

  @Override
  public void calculateDistanceFromHome(
      CalculateDistanceRequest request, StreamObserver<CalculateDistanceResponse> response) {
    if (request.getDate().isEmpty()) {
      response.onError(Status.INVALID_ARGUMENT.withDescription("date is required").asException());
      return;
    }
    Optional<LocalDate> date = parseDate(request.getDate());
    if (date.isEmpty()) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("invalid date format, expected YYYY-MM-DD")
              .asException());
      return;
    }
    try {
      EmbeddedJob job = board.submit(date.get(), optional(request.getDeviceId()));
      response.onNext(
          CalculateDistanceResponse.newBuilder()
              .setJobId(job.jobId())
              .setStatus(job.status().wireName())
              .setQueuedAt(timestamp(job.queuedAt()))
              .build());
      response.onCompleted();
    } catch (EmbeddedJobBoard.QueueFullException e) {
      response.onError(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asException());
    }
  }

  @Override
  public void getJobStatus(
      GetJobStatusRequest request, StreamObserver<GetJobStatusResponse> response) {
    Optional<EmbeddedJob> job = board.find(request.getJobId());
    if (job.isEmpty()) {
      response.onError(
          Status.NOT_FOUND.withDescription("job not found: " + request.getJobId()).asException());
      return;
    }
    response.onNext(statusOf(job.get()));
    response.onCompleted();
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
    int limit = request.getLimit() <= 0 ? DEFAULT_LIMIT : Math.min(request.getLimit(), MAX_LIMIT);
    int offset = Math.max(request.getOffset(), 0);
    List<EmbeddedJob> matching = board.matching(filter(request));
    ListJobsResponse.Builder page =
        ListJobsResponse.newBuilder()
            .setTotalCount(matching.size())
            .setLimit(limit)
            .setOffset(offset);
    matching.stream()
        .skip(offset)
        .limit(limit)
        .map(EmbeddedDistanceService::summaryOf)
        .forEach(page::addJobs);
    response.onNext(page.build());
    response.onCompleted();
  }

  private static Predicate<EmbeddedJob> filter(ListJobsRequest request) {
    return job ->
        (request.getStatus().isEmpty() || job.status().wireName().equals(request.getStatus()))
            && (request.getDate().isEmpty() || job.date().toString().equals(request.getDate()))
            && (request.getDeviceId().isEmpty()
                || job.deviceId().orElse("").equals(request.getDeviceId()));
  }

  private static GetJobStatusResponse statusOf(EmbeddedJob job) {
    GetJobStatusResponse.Builder status =
        GetJobStatusResponse.newBuilder()
            .setJobId(job.jobId())
            .setStatus(job.status().wireName())
            .setQueuedAt(timestamp(job.queuedAt()));
    job.startedAt().ifPresent(at -> status.setStartedAt(timestamp(at)));
    job.completedAt().ifPresent(at -> status.setCompletedAt(timestamp(at)));
    job.errorMessage().ifPresent(status::setErrorMessage);
    job.outcome().ifPresent(outcome -> status.setResult(resultOf(job, outcome)));
    return status.build();
  }

  private static JobResult resultOf(EmbeddedJob job, JobOutcome outcome) {
    DistanceSummary summary = outcome.summary();
    return JobResult.newBuilder()
        .setCsvPath(outcome.csvPath().toString())
        .setTotalDistanceKm(summary.totalDistanceKm())
        .setTotalLocations(summary.totalLocations())
        .setMaxDistanceKm(summary.maxDistanceKm())
        .setMinDistanceKm(summary.minDistanceKm())
        .setDate(job.date().toString())
        .setDeviceId(job.deviceId().orElse(""))
        .setProcessingTimeMs(outcome.processingTimeMs())
        .build();
  }

  private static JobSummary summaryOf(EmbeddedJob job) {
    JobSummary.Builder summary =
        JobSummary.newBuilder()
            .setJobId(job.jobId())
            .setStatus(job.status().wireName())
            .setDate(job.date().toString())
            .setDeviceId(job.deviceId().orElse(""))
            .setQueuedAt(timestamp(job.queuedAt()));
    job.completedAt().ifPresent(at -> summary.setCompletedAt(timestamp(at)));
    return summary.build();
  }

  private static Optional<LocalDate> parseDate(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
