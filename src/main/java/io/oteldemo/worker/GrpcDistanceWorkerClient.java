package io.oteldemo.worker;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.oteldemo.worker.proto.CalculateDistanceRequest;
import io.oteldemo.worker.proto.DistanceServiceGrpc;
import io.oteldemo.worker.proto.GetJobStatusRequest;
import io.oteldemo.worker.proto.ListJobsRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gRPC adapter of {@link DistanceWorkerClient}: every call carries the configured deadline,
 * and every failure leaves as a classified {@link WorkerException}.
 */
@ApplicationScoped
public class GrpcDistanceWorkerClient implements DistanceWorkerClient {

  /** Health probes must answer quickly even when calls may take long. */
  private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(2);

  @Inject WorkerChannel workerChannel;

  @Inject
  @ConfigProperty(name = "DISTANCE_SERVICE_TIMEOUT")
  int timeoutSeconds;

  private Channel channel;
  private Duration deadline;

  @PostConstruct
  void init() {
    if (timeoutSeconds <= 0) {
      throw new IllegalArgumentException(
          "DISTANCE_SERVICE_TIMEOUT must be a positive number of seconds, not " + timeoutSeconds);
    }
    bind(workerChannel.channel(), Duration.ofSeconds(timeoutSeconds));
  }

  /** A client over any channel, e.g. an in-process one. */
  public static GrpcDistanceWorkerClient over(Channel channel, Duration deadline) {
    GrpcDistanceWorkerClient client = new GrpcDistanceWorkerClient();
    client.bind(channel, deadline);
    return client;
  }

  private void bind(Channel channel, Duration deadline) {
    this.channel = channel;
    this.deadline = deadline;
  }

  @Override
  public QueuedJob calculate(LocalDate date, Optional<String> deviceId) {
    CalculateDistanceRequest request =
        CalculateDistanceRequest.newBuilder()
            .setDate(date.toString())
            .setDeviceId(deviceId.orElse(""))
            .build();
    return WorkerMessages.queuedJob(call(() -> distance().calculateDistanceFromHome(request)));
  }

  @Override
  public WorkerJob jobStatus(String jobId) {
    GetJobStatusRequest request = GetJobStatusRequest.newBuilder().setJobId(jobId).build();
    return WorkerMessages.job(call(() -> distance().getJobStatus(request)));
  }

  @Override
  public WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset) {
    ListJobsRequest request =
        ListJobsRequest.newBuilder()
            .setStatus(status.map(JobStatus::wireName).orElse(""))
            .setLimit(limit)
            .setOffset(offset)
            .build();
    return WorkerMessages.page(call(() -> distance().listJobs(request)));
  }

  @Override
  public WorkerHealth health() {
    Duration healthDeadline = deadline.compareTo(HEALTH_DEADLINE) < 0 ? deadline : HEALTH_DEADLINE;
    try {
      HealthCheckResponse response =
          HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(healthDeadline.toMillis(), TimeUnit.MILLISECONDS)
              .check(HealthCheckRequest.newBuilder().setService("").build());
      return response.getStatus() == HealthCheckResponse.ServingStatus.SERVING
          ? WorkerHealth.SERVING
          : WorkerHealth.NOT_SERVING;
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
          ? WorkerHealth.UNREACHABLE
          : WorkerHealth.NOT_SERVING;
    }
  }

  private DistanceServiceGrpc.DistanceServiceBlockingStub distance() {
    return DistanceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static <T> T call(Supplier<T> rpc) {
    try {
      return rpc.get();
    } catch (StatusRuntimeException e) {
      throw GrpcErrorTranslator.translate(e);
    }
  }
}
