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
@ObservedCircuit
public class GrpcDistanceWorkerClient implements DistanceWorkerClient {

  /** Health probes must answer quickly even when calls may take long. */
  private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(2);

  /** The Fault Tolerance timeout: above the default gRPC deadline (30 s), which fires first. */
  static final long FT_TIMEOUT_MILLIS = 35_000;

  static final String CALCULATE = "calculate";
  static final String JOB_STATUS = "jobStatus";
  static final String LIST_JOBS = "listJobs";

  @Inject WorkerChannel workerChannel;

  @Inject WorkerCircuitBreakers breakers;

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
    client.breakers = new WorkerCircuitBreakers();
    return client;
  }

  private void bind(Channel channel, Duration deadline) {
    this.channel = channel;
    this.deadline = deadline;
  }

  @Override
  @Timeout(value = FT_TIMEOUT_MILLIS, unit = ChronoUnit.MILLIS)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 10_000,
      successThreshold = 2,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(10)
  public QueuedJob calculate(LocalDate date, Optional<String> deviceId) {
    CalculateDistanceRequest request =
        CalculateDistanceRequest.newBuilder()
            .setDate(date.toString())
            .setDeviceId(deviceId.orElse(""))
            .build();
    Attributes attributes = DistanceSpanAttributes.calculateRequest(date, deviceId);
    return WorkerMessages.queuedJob(
        call(CALCULATE, attributes, () -> distance(attributes).calculateDistanceFromHome(request)));
  }

  @Override
  @Retry(
      maxRetries = 2,
      delay = 200,
      jitter = 100,
      maxDuration = 10_000,
      retryOn = WorkerUnavailableException.class,
      abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 10_000,
      successThreshold = 2,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(20)
  public WorkerJob jobStatus(String jobId) {
    GetJobStatusRequest request = GetJobStatusRequest.newBuilder().setJobId(jobId).build();
    Attributes attributes = DistanceSpanAttributes.jobRequest(jobId);
    return WorkerMessages.job(
        call(JOB_STATUS, attributes, () -> distance(attributes).getJobStatus(request)));
  }

  @Override
  @Retry(
      maxRetries = 2,
      delay = 200,
      jitter = 100,
      maxDuration = 10_000,
      retryOn = WorkerUnavailableException.class,
      abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 10_000,
      successThreshold = 2,
      failOn = {
        WorkerUnavailableException.class,
        WorkerTimeoutException.class,
        TimeoutException.class
      })
  @Bulkhead(20)
  public WorkerJobPage listJobs(Optional<JobStatus> status, int limit, int offset) {
    ListJobsRequest request =
        ListJobsRequest.newBuilder()
            .setStatus(status.map(JobStatus::wireName).orElse(""))
            .setLimit(limit)
            .setOffset(offset)
            .build();
    return WorkerMessages.page(
        call(LIST_JOBS, Attributes.empty(), () -> distance(Attributes.empty()).listJobs(request)));
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

  /**
   * Runs a call; the business attributes go on the current (server) span as well. Every failure the
   * method's circuit breaker counts is noted (each attempt, so retries included), and so is the
   * cancellation by Fault Tolerance's timeout, which interrupts the waiting thread.
   */
  private <T> T call(String method, Attributes attributes, Supplier<T> rpc) {
    Span current = Span.current();
    current.setAllAttributes(attributes);
    try {
      T response = rpc.get();
      current.setAllAttributes(DistanceSpanAttributes.response(response));
      return response;
    } catch (StatusRuntimeException e) {
      WorkerException failure = GrpcErrorTranslator.translate(e);
      if (failure instanceof WorkerUnavailableException
          || failure instanceof WorkerTimeoutException
          || Thread.currentThread().isInterrupted()) {
        breakers.failed(GrpcDistanceWorkerClient.class, method);
      }
      throw failure;
    }
  }
}
