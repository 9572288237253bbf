package io.oteldemo.telemetry;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Traces every outgoing gRPC call: one CLIENT span per call (so per retry attempt too), named by
 * the full method name ({@code distance.v1.DistanceService/GetJobStatus}), a child of the current
 * context, with the OpenTelemetry RPC attributes; the call's context (traceparent, tracestate,
 * baggage) goes into the call's metadata through the configured propagators.
 *
 * <p>Callers may add attributes of their own with {@link #REQUEST_ATTRIBUTES} (known before the
 * call) and {@link #RESPONSE_ATTRIBUTES} (read from each response message).
 *
 * <p>It also records each call's duration in the histogram {@value #CALLS} (attributes {@code rpc},
 * the method's name, and {@code grpc.status_code}, the status's name): our own metric, as nothing
 * else instruments grpc-java here.
 *
 * <p>Not OpenTelemetry's {@code opentelemetry-grpc-1.6} interceptor (2.14, the line built for
 * Liberty's OpenTelemetry 1.48): it ends a failed call's span with ERROR but without the gRPC
 * status and message, ends it before an inner interceptor sees the close (so nothing can add them),
 * and its attribute extractors see neither the call options nor the response messages that our
 * {@code distance.*} attributes come from.
 */
public final class GrpcClientTracing implements ClientInterceptor {

  static final String INSTRUMENTATION_NAME = "io.oteldemo.grpc";

  public static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  public static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  public static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<Long> RPC_GRPC_STATUS_CODE =
      AttributeKey.longKey("rpc.grpc.status_code");

  static final String CALLS = "distance.worker.calls";
  static final AttributeKey<String> RPC = AttributeKey.stringKey("rpc");
  static final AttributeKey<String> GRPC_STATUS_CODE = AttributeKey.stringKey("grpc.status_code");

  /** Seconds: a status read takes milliseconds, a call may wait up to its deadline (30 s). */
  private static final List<Double> CALL_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0);

  private static final Status.Code[] CODES = Status.Code.values();

  /** Attributes for the call's span, known before the call. */
  public static final CallOptions.Key<Attributes> REQUEST_ATTRIBUTES =
      CallOptions.Key.createWithDefault("oteldemo.span.request-attributes", Attributes.empty());

  /** Attributes for the call's span, read from each response message. */
  public static final CallOptions.Key<Function<Object, Attributes>> RESPONSE_ATTRIBUTES =
      CallOptions.Key.createWithDefault(
          "oteldemo.span.response-attributes", message -> Attributes.empty());

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private final DoubleHistogram calls;

  /** The metric's attribute sets per method and status code, each built once. */
  private final Map<String, Attributes[]> callAttributes = new ConcurrentHashMap<>();

  public GrpcClientTracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.calls =
        openTelemetry
            .getMeter("io.oteldemo")
            .histogramBuilder(CALLS)
            .setUnit("s")
            .setDescription("Duration of the gRPC calls to the distance worker")
            .setExplicitBucketBoundariesAdvice(CALL_BUCKETS)
            .build();
  }

  private Attributes callAttributes(String method, Status.Code code) {
    Attributes[] byCode =
        callAttributes.computeIfAbsent(method, name -> new Attributes[CODES.length]);
    Attributes attributes = byCode[code.ordinal()];
    if (attributes == null) {
      attributes = Attributes.of(RPC, method, GRPC_STATUS_CODE, code.name());
      byCode[code.ordinal()] = attributes;
    }
    return attributes;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    long startNanos = System.nanoTime();
    Context parent = Context.current();
    SpanBuilder builder =
        tracer
            .spanBuilder(method.getFullMethodName())
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(RPC_SYSTEM, "grpc");
    String service = method.getServiceName();
    if (service != null) {
      builder.setAttribute(RPC_SERVICE, service);
    }
    String methodName = method.getBareMethodName();
    if (methodName != null) {
      builder.setAttribute(RPC_METHOD, methodName);
    }
    ServerAuthority.parse(next.authority())
        .ifPresent(
            authority -> {
              builder.setAttribute(SERVER_ADDRESS, authority.host());
              authority.port().ifPresent(port -> builder.setAttribute(SERVER_PORT, (long) port));
            });
    builder.setAllAttributes(callOptions.getOption(REQUEST_ATTRIBUTES));
    Span span = builder.startSpan();
    Context callContext = parent.with(span);
    Function<Object, Attributes> responseAttributes = callOptions.getOption(RESPONSE_ATTRIBUTES);

    ClientCall<Q, R> call;
    try (Scope ignored = callContext.makeCurrent()) {
      call = next.newCall(method, callOptions);
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      span.end();
      throw e;
    }
    return new TracedCall<>(
        call,
        span,
        callContext,
        responseAttributes,
        methodName == null ? method.getFullMethodName() : methodName,
        startNanos);
  }

  private final class TracedCall<Q, R>
      extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {

    private final Span span;
    private final Context callContext;
    private final Function<Object, Attributes> responseAttributes;
    private final String method;
    private final long startNanos;
    private final AtomicBoolean ended = new AtomicBoolean();

    TracedCall(
        ClientCall<Q, R> delegate,
        Span span,
        Context callContext,
        Function<Object, Attributes> responseAttributes,
        String method,
        long startNanos) {
      super(delegate);
      this.span = span;
      this.callContext = callContext;
      this.responseAttributes = responseAttributes;
      this.method = method;
      this.startNanos = startNanos;
    }

    @Override
    public void start(Listener<R> responseListener, Metadata headers) {
      openTelemetry
          .getPropagators()
          .getTextMapPropagator()
          .inject(callContext, headers, GrpcMetadata.SETTER);
      try (Scope ignored = callContext.makeCurrent()) {
        super.start(new TracedListener(responseListener), headers);
      } catch (RuntimeException e) {
        span.recordException(e);
        end(Status.fromThrowable(e));
        throw e;
      }
    }

    private void end(Status status) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      span.setAttribute(RPC_GRPC_STATUS_CODE, (long) status.getCode().value());
      if (!status.isOk()) {
        String description = status.getDescription();
        span.setStatus(
            StatusCode.ERROR,
            description == null ? status.getCode().name() : status.getCode() + ": " + description);
      }
      span.end();
      calls.record(
          (System.nanoTime() - startNanos) / 1e9, callAttributes(method, status.getCode()));
    }

    private final class TracedListener
        extends ForwardingClientCallListener.SimpleForwardingClientCallListener<R> {

      TracedListener(Listener<R> delegate) {
        super(delegate);
      }

      @Override
      public void onMessage(R message) {
        try {
          span.setAllAttributes(responseAttributes.apply(message));
        } catch (RuntimeException e) {
          // Attributes are a courtesy: they never fail a call.
        }
        super.onMessage(message);
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        end(status);
        super.onClose(status, trailers);
      }
    }
  }
}
