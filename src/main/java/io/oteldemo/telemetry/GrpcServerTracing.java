package io.oteldemo.telemetry;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Continues the caller's trace on the server side: the context (traceparent, tracestate, baggage)
 * extracted from the call's metadata with the configured propagators is current while the call is
 * handled, so the handler's spans and logs join the caller's trace.
 *
 * <p>Not OpenTelemetry's {@code opentelemetry-grpc-1.6} server interceptor: that one starts a
 * SERVER span for every call, also one that carries no trace context, where this server (the
 * embedded stand-in for the worker) only continues the caller's trace and records nothing itself.
 */
public final class GrpcServerTracing implements ServerInterceptor {

  private final OpenTelemetry openTelemetry;

  public GrpcServerTracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Context context =
        openTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), headers, GrpcMetadata.GETTER);
    ServerCall.Listener<Q> listener;
    try (Scope ignored = context.makeCurrent()) {
      listener = next.startCall(call, headers);
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        try (Scope ignored = context.makeCurrent()) {
          super.onMessage(message);
        }
      }

      @Override
      public void onHalfClose() {
        try (Scope ignored = context.makeCurrent()) {
          super.onHalfClose();
        }
      }

      @Override
      public void onCancel() {
        try (Scope ignored = context.makeCurrent()) {
          super.onCancel();
        }
      }

      @Override
      public void onComplete() {
        try (Scope ignored = context.makeCurrent()) {
          super.onComplete();
        }
      }

      @Override
      public void onReady() {
        try (Scope ignored = context.makeCurrent()) {
          super.onReady();
        }
      }
    };
  }
}
