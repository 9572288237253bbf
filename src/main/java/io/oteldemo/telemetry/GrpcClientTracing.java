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
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
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

  /** Attributes for the call's span, known before the call. */
  public static final CallOptions.Key<Attributes> REQUEST_ATTRIBUTES =
      CallOptions.Key.createWithDefault("oteldemo.span.request-attributes", Attributes.empty());

  /** Attributes for the call's span, read from each response message. */
  public static final CallOptions.Key<Function<Object, Attributes>> RESPONSE_ATTRIBUTES =
      CallOptions.Key.createWithDefault(
          "oteldemo.span.response-attributes", message -> Attributes.empty());

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  public GrpcClientTracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
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
    return new TracedCall<>(call, span, callContext, responseAttributes);
  }

  private final class TracedCall<Q, R>
      extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {

    private final Span span;
    private final Context callContext;
    private final Function<Object, Attributes> responseAttributes;
    private final AtomicBoolean ended = new AtomicBoolean();

    TracedCall(
        ClientCall<Q, R> delegate,
        Span span,
        Context callContext,
        Function<Object, Attributes> responseAttributes) {
      super(delegate);
      this.span = span;
      this.callContext = callContext;
      this.responseAttributes = responseAttributes;
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
