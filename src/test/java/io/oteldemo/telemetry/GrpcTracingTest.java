package io.oteldemo.telemetry;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.oteldemo.worker.DistanceSpanAttributes;
import io.oteldemo.worker.GrpcDistanceWorkerClient;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.proto.CalculateDistanceRequest;
import io.oteldemo.worker.proto.CalculateDistanceResponse;
import io.oteldemo.worker.proto.DistanceServiceGrpc;
import io.oteldemo.worker.proto.GetJobStatusRequest;
import io.oteldemo.worker.proto.GetJobStatusResponse;
import io.oteldemo.worker.proto.JobResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client interceptor (CLIENT spans, traceparent in the metadata) against an in-process server
 * behind the server interceptor (the extracted context current in the handler), with an SDK
 * OpenTelemetry that keeps its spans in memory.
 */
class GrpcTracingTest {

  private static final String JOB_ID = "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a";
  private static final String MISSING_JOB_ID = "00000000-0000-0000-0000-000000000000";
  private static final Metadata.Key<String> TRACEPARENT =
      Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(tracerProvider)
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .setPropagators(
              ContextPropagators.create(
                  TextMapPropagator.composite(
                      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();

  /** What the server saw, one entry per call. */
  private final List<String> traceparents = new CopyOnWriteArrayList<>();

  private final List<SpanContext> currentOnServer = new CopyOnWriteArrayList<>();
  private final List<Baggage> baggageOnServer = new CopyOnWriteArrayList<>();

  private Server server;
  private ManagedChannel channel;
  private io.grpc.Channel traced;

  @BeforeEach
  void startServerAndChannel() throws Exception {
    String name = InProcessServerBuilder.generateName();
    ServerInterceptor headerRecorder =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String traceparent = headers.get(TRACEPARENT);
            traceparents.add(traceparent == null ? "" : traceparent);
            return next.startCall(call, headers);
          }
        };
    // intercept(...) runs the last interceptor first: the recorder sees the raw headers.
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                ServerInterceptors.intercept(
                    new RecordingService(), new GrpcServerTracing(openTelemetry), headerRecorder))
            .build()
            .start();
    channel =
        InProcessChannelBuilder.forName(name)
            .directExecutor()
            .overrideAuthority("worker.test:50051")
            .build();
    traced = ClientInterceptors.intercept(channel, new GrpcClientTracing(openTelemetry));
  }

  @AfterEach
  void closeServerAndChannel() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    tracerProvider.close();
  }

  @Test
  void theServerContinuesTheClientsTrace() {
    Span parent = openTelemetry.getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      stub().getJobStatus(GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build());
    } finally {
      parent.end();
    }

    SpanData client = onlyClientSpan();
    String traceId = parent.getSpanContext().getTraceId();
    assertAll(
        () -> assertEquals(1, traceparents.size()),
        () ->
            assertEquals(
                traceId, traceparents.get(0).split("-")[1], "trace id of the traceparent header"),
        () ->
            assertEquals(
                client.getSpanId(),
                traceparents.get(0).split("-")[2],
                "the server's parent is the CLIENT span"),
        () ->
            assertEquals(
                traceId,
                currentOnServer.get(0).getTraceId(),
                "trace id current in the server's handler"),
        () -> assertTrue(currentOnServer.get(0).isRemote()),
        () -> assertEquals(client.getSpanId(), currentOnServer.get(0).getSpanId()),
        () -> assertEquals(traceId, client.getTraceId()),
        () -> assertEquals(parent.getSpanContext().getSpanId(), client.getParentSpanId()));
  }

  @Test
  void oneClientSpanPerCallWithTheRpcAttributes() {
    stub().getJobStatus(GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build());

    SpanData span = onlyClientSpan();
    assertAll(
        () -> assertEquals("distance.v1.DistanceService/GetJobStatus", span.getName()),
        () -> assertEquals(SpanKind.CLIENT, span.getKind()),
        () -> assertEquals("grpc", span.getAttributes().get(GrpcClientTracing.RPC_SYSTEM)),
        () ->
            assertEquals(
                "distance.v1.DistanceService",
                span.getAttributes().get(GrpcClientTracing.RPC_SERVICE)),
        () -> assertEquals("GetJobStatus", span.getAttributes().get(GrpcClientTracing.RPC_METHOD)),
        () ->
            assertEquals("worker.test", span.getAttributes().get(GrpcClientTracing.SERVER_ADDRESS)),
        () -> assertEquals(50051L, span.getAttributes().get(GrpcClientTracing.SERVER_PORT)),
        () -> assertEquals(0L, span.getAttributes().get(GrpcClientTracing.RPC_GRPC_STATUS_CODE)),
        () -> assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode()),
        () -> assertTrue(span.hasEnded()),
        () -> assertFalse(span.getParentSpanContext().isValid(), "no parent: a root span"));
  }

  @Test
  void eachCallIsTimedByMethodAndStatusCode() {
    stub().getJobStatus(GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build());
    assertThrows(
        StatusRuntimeException.class,
        () ->
            stub().getJobStatus(GetJobStatusRequest.newBuilder().setJobId(MISSING_JOB_ID).build()));

    MetricData calls =
        metrics.collectAllMetrics().stream()
            .filter(metric -> metric.getName().equals("distance.worker.calls"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no distance.worker.calls"));
    assertEquals("s", calls.getUnit());
    List<String> series =
        calls.getHistogramData().getPoints().stream()
            .map(
                point ->
                    point.getAttributes().get(GrpcClientTracing.RPC)
                        + "/"
                        + point.getAttributes().get(GrpcClientTracing.GRPC_STATUS_CODE)
                        + "="
                        + point.getCount())
            .sorted()
            .toList();
    assertEquals(List.of("GetJobStatus/NOT_FOUND=1", "GetJobStatus/OK=1"), series);
    assertTrue(
        calls.getHistogramData().getPoints().stream()
            .mapToDouble(HistogramPointData::getSum)
            .allMatch(seconds -> seconds > 0 && seconds < 10),
        "durations in seconds");
  }

  @Test
  void eachCallHasItsOwnSpan() {
    stub().getJobStatus(GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build());
    stub()
        .calculateDistanceFromHome(
            CalculateDistanceRequest.newBuilder().setDate("2026-01-25").build());

    List<SpanData> spans = clientSpans();
    assertEquals(
        List.of(
            "distance.v1.DistanceService/GetJobStatus",
            "distance.v1.DistanceService/CalculateDistanceFromHome"),
        spans.stream().map(SpanData::getName).toList());
    assertFalse(spans.get(0).getSpanId().equals(spans.get(1).getSpanId()));
  }

  @Test
  void aFailedCallEndsItsSpanWithErrorAndTheStatusCode() {
    StatusRuntimeException thrown =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                stub()
                    .getJobStatus(
                        GetJobStatusRequest.newBuilder().setJobId(MISSING_JOB_ID).build()));
    assertEquals(Status.Code.NOT_FOUND, thrown.getStatus().getCode());

    SpanData span = onlyClientSpan();
    assertAll(
        () -> assertEquals("distance.v1.DistanceService/GetJobStatus", span.getName()),
        () -> assertEquals(5L, span.getAttributes().get(GrpcClientTracing.RPC_GRPC_STATUS_CODE)),
        () -> assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode()),
        () -> assertTrue(span.getStatus().getDescription().startsWith("NOT_FOUND")));
  }

  @Test
  void baggageTravelsWithTheCall() {
    Baggage baggage = Baggage.builder().put("deployment", "canary").build();
    try (Scope ignored = baggage.makeCurrent()) {
      stub().getJobStatus(GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build());
    }

    assertEquals("canary", baggageOnServer.get(0).getEntryValue("deployment"));
  }

  @Test
  void withoutATraceparentTheServerHasNoCurrentSpan() {
    stub(channel).getJobStatus(GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build());

    assertAll(
        () -> assertEquals("", traceparents.get(0)),
        () -> assertFalse(currentOnServer.get(0).isValid()),
        () -> assertTrue(exporter.getFinishedSpanItems().isEmpty()));
  }

  @Test
  void theContextIsNotLeftCurrentAfterTheCall() {
    stub().getJobStatus(GetJobStatusRequest.newBuilder().setJobId(JOB_ID).build());

    assertFalse(Span.current().getSpanContext().isValid());
  }

  @Test
  void theWorkerClientPutsTheJobOnItsSpans() {
    GrpcDistanceWorkerClient client = GrpcDistanceWorkerClient.over(traced, Duration.ofSeconds(30));

    client.calculate(LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));
    client.jobStatus(JOB_ID);
    assertThrows(WorkerException.class, () -> client.jobStatus(MISSING_JOB_ID));

    List<SpanData> spans = clientSpans();
    assertEquals(3, spans.size());
    SpanData calculate = spans.get(0);
    SpanData status = spans.get(1);
    SpanData missing = spans.get(2);
    assertAll(
        () ->
            assertEquals("2026-01-25", calculate.getAttributes().get(DistanceSpanAttributes.DATE)),
        () ->
            assertEquals(
                "iphone_stuart", calculate.getAttributes().get(DistanceSpanAttributes.DEVICE_ID)),
        () -> assertEquals(JOB_ID, calculate.getAttributes().get(DistanceSpanAttributes.JOB_ID)),
        () ->
            assertEquals(
                "queued", calculate.getAttributes().get(DistanceSpanAttributes.JOB_STATUS)),
        () -> assertEquals(JOB_ID, status.getAttributes().get(DistanceSpanAttributes.JOB_ID)),
        () ->
            assertEquals(
                "completed", status.getAttributes().get(DistanceSpanAttributes.JOB_STATUS)),
        () -> assertEquals(42L, status.getAttributes().get(DistanceSpanAttributes.TOTAL_LOCATIONS)),
        () -> assertEquals("2026-01-25", status.getAttributes().get(DistanceSpanAttributes.DATE)),
        () ->
            assertEquals(
                MISSING_JOB_ID, missing.getAttributes().get(DistanceSpanAttributes.JOB_ID)),
        () -> assertNull(missing.getAttributes().get(DistanceSpanAttributes.JOB_STATUS)),
        () -> assertEquals(StatusCode.ERROR, missing.getStatus().getStatusCode()));
    for (SpanData span : spans) {
      span.getAttributes().forEach((key, value) -> assertNoPersonalData(key));
    }
  }

  private static void assertNoPersonalData(AttributeKey<?> key) {
    String name = key.getKey();
    assertTrue(
        name.startsWith("rpc.") || name.startsWith("server.") || name.startsWith("distance."),
        "unexpected attribute " + name);
    assertFalse(name.contains("email") || name.contains("token") || name.contains("sub"), name);
  }

  private DistanceServiceGrpc.DistanceServiceBlockingStub stub() {
    return stub(traced);
  }

  private static DistanceServiceGrpc.DistanceServiceBlockingStub stub(io.grpc.Channel channel) {
    return DistanceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private List<SpanData> clientSpans() {
    return exporter.getFinishedSpanItems().stream()
        .filter(span -> span.getKind() == SpanKind.CLIENT)
        .toList();
  }

  private SpanData onlyClientSpan() {
    List<SpanData> spans = clientSpans();
    assertEquals(1, spans.size(), () -> "CLIENT spans: " + spans);
    assertNotNull(spans.get(0));
    return spans.get(0);
  }

  /** Answers like the worker, and records what is current while it handles a call. */
  private final class RecordingService extends DistanceServiceGrpc.DistanceServiceImplBase {

    @Override
    public void calculateDistanceFromHome(
        CalculateDistanceRequest request, StreamObserver<CalculateDistanceResponse> response) {
      record();
      response.onNext(
          CalculateDistanceResponse.newBuilder().setJobId(JOB_ID).setStatus("queued").build());
      response.onCompleted();
    }

    @Override
    public void getJobStatus(
        GetJobStatusRequest request, StreamObserver<GetJobStatusResponse> response) {
      record();
      if (request.getJobId().equals(MISSING_JOB_ID)) {
        response.onError(Status.NOT_FOUND.withDescription("job not found").asException());
        return;
      }
      response.onNext(
          GetJobStatusResponse.newBuilder()
              .setJobId(request.getJobId())
              .setStatus("completed")
              .setResult(
                  JobResult.newBuilder()
                      .setDate("2026-01-25")
                      .setTotalLocations(42)
                      .setCsvPath("/data/distance_20260125.csv"))
              .build());
      response.onCompleted();
    }

    private void record() {
      currentOnServer.add(Span.current().getSpanContext());
      baggageOnServer.add(Baggage.current());
    }
  }
}
