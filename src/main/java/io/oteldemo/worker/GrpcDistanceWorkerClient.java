package io.oteldemo.worker;

import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_DELAY_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_FAILURE_RATIO;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_SUCCESSES;
import static io.oteldemo.worker.WorkerFaultTolerance.BREAKER_VOLUME;
import static io.oteldemo.worker.WorkerFaultTolerance.BULKHEAD_READS;
import static io.oteldemo.worker.WorkerFaultTolerance.BULKHEAD_WORK;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRIES;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_DELAY_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_JITTER_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.RETRY_MAX_DURATION_MILLIS;
import static io.oteldemo.worker.WorkerFaultTolerance.TIMEOUT_MILLIS;

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
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The gRPC adapter of {@link DistanceWorkerClient}: every call carries the configured deadline, and
 * every failure leaves as a classified {@link WorkerException}.
 *
 * <p>MicroProfile Fault Tolerance guards the calls (each method has its own policies, all tunable
 * through the standard properties, e.g. {@code
 * io.oteldemo.worker.GrpcDistanceWorkerClient/jobStatus/CircuitBreaker/delay}):
 *
 * <ul>
 *   <li>{@code @Timeout}, on {@code calculate} only, is a backstop above the gRPC deadline ({@code
 *       DISTANCE_SERVICE_TIMEOUT}), which fires first; the application does not start if it is not
 *       above it. The reads have none: a blocking read ends at its deadline on the calling thread,
 *       and the backstop cost a scheduled and cancelled task on every status read.
 *   <li>{@code @CircuitBreaker} counts only an unreachable worker and passed deadlines ({@link
 *       WorkerUnavailableException}, {@link WorkerTimeoutException}, {@link TimeoutException}),
 *       never the worker's business answers (not found, invalid argument, queue full).
 *   <li>{@code @Bulkhead} bounds the concurrent calls; a full one answers at once.
 *   <li>{@code @Retry} only on the reads (status, list), only when the worker was unavailable, with
 *       a jittered delay, and never into an open circuit. {@code calculate} is never retried here:
 *       a repeated call may queue a second job. grpc-java already retries, transparently, only the
 *       calls that never left the client.
 * </ul>
 *
 * <p>{@link #health()} has no policy: it never throws, and answers {@code UNREACHABLE} itself.
 */
@ApplicationScoped
public class GrpcDistanceWorkerClient implements DistanceWorkerClient {

  /** Health probes must answer quickly even when calls may take long. */
  private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(2);

  @Inject WorkerChannel workerChannel;

  @Inject WorkerSettings settings;

  private Channel channel;
  private Duration deadline;

  @PostConstruct
  void init() {
    bind(workerChannel.channel(), settings.timeout());
    settings.requireTimeoutsAboveDeadline(GrpcDistanceWorkerClient.class);
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
  @Timeout(value = TIMEOUT_MILLIS, unit = ChronoUnit.MILLIS)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_VOLUME,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_DELAY_MILLIS,
      successThreshold = BREAKER_SUCCESSES,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(BULKHEAD_WORK)
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
  @Retry(
      maxRetries = RETRIES,
      delay = RETRY_DELAY_MILLIS,
      jitter = RETRY_JITTER_MILLIS,
      maxDuration = RETRY_MAX_DURATION_MILLIS,
      retryOn = WorkerUnavailableException.class,
      abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_VOLUME,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_DELAY_MILLIS,
      successThreshold = BREAKER_SUCCESSES,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(BULKHEAD_READS)
  public WorkerJob jobStatus(String jobId) {
    GetJobStatusRequest request = GetJobStatusRequest.newBuilder().setJobId(jobId).build();
    Attributes attributes = DistanceSpanAttributes.jobRequest(jobId);
    return WorkerMessages.job(call(attributes, () -> distance(attributes).getJobStatus(request)));
  }

  @Override
  @Retry(
      maxRetries = RETRIES,
      delay = RETRY_DELAY_MILLIS,
      jitter = RETRY_JITTER_MILLIS,
      maxDuration = RETRY_MAX_DURATION_MILLIS,
      retryOn = WorkerUnavailableException.class,
      abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_VOLUME,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_DELAY_MILLIS,
      successThreshold = BREAKER_SUCCESSES,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(BULKHEAD_READS)
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
  private <T> T call(Attributes attributes, Supplier<T> rpc) {
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
