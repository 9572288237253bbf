package io.oteldemo.worker;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.oteldemo.telemetry.GrpcClientTracing;
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
    Attributes attributes = DistanceSpanAttributes.calculateRequest(date, deviceId);
    return WorkerMessages.queuedJob(
        call(attributes, () -> distance(attributes).calculateDistanceFromHome(request)));
  }

  @Override
  public WorkerJob jobStatus(String jobId) {
    GetJobStatusRequest request = GetJobStatusRequest.newBuilder().setJobId(jobId).build();
    Attributes attributes = DistanceSpanAttributes.jobRequest(jobId);
    return WorkerMessages.job(call(attributes, () -> distance(attributes).getJobStatus(request)));
  }

  @Override
  public WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset) {
    ListJobsRequest request =
        ListJobsRequest.newBuilder()
            .setStatus(status.map(JobStatus::wireName).orElse(""))
            .setLimit(limit)
            .setOffset(offset)
            .build();
    return WorkerMessages.page(
        call(Attributes.empty(), () -> distance(Attributes.empty()).listJobs(request)));
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

  /**
   * A stub whose calls carry the business attributes to their CLIENT span (see {@link
   * GrpcClientTracing}): those of the request, and those read from the response.
   */
  private DistanceServiceGrpc.DistanceServiceBlockingStub distance(Attributes attributes) {
    return DistanceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .withOption(GrpcClientTracing.REQUEST_ATTRIBUTES, attributes)
        .withOption(GrpcClientTracing.RESPONSE_ATTRIBUTES, DistanceSpanAttributes::response);
  }

  /** Runs a call; the business attributes go on the current (server) span as well. */
  private static <T> T call(Attributes attributes, Supplier<T> rpc) {
    Span current = Span.current();
    current.setAllAttributes(attributes);
    try {
      T response = rpc.get();
      current.setAllAttributes(DistanceSpanAttributes.response(response));
      return response;
    } catch (StatusRuntimeException e) {
      throw GrpcErrorTranslator.translate(e);
    }
  }
}
