package io.oteldemo.worker;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The distance worker as our code sees it: our types in, our types out, failures as {@link
 * WorkerException}. The gRPC adapter is {@link GrpcDistanceWorkerClient}.
 */
public interface DistanceWorkerClient {

  QueuedJob calculate(LocalDate date, Optional<String> deviceId);

  WorkerJob jobStatus(String jobId);

  /** One page of jobs; {@code status} empty means every status. */
  WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset);

  WorkerHealth health();
}
