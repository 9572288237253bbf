package io.oteldemo.it.production;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The trace context each call brought to the test worker, as the worker extracted it from the
 * call's metadata (the interceptor runs inside the worker's tracing interceptor).
 */
final class ReceivedCalls implements ServerInterceptor {

  /** A call: its method, the caller's trace id and the caller's span (the client span). */
  record ReceivedCall(String method, String traceId, String parentSpanId, boolean sampled) {}

  private final List<ReceivedCall> calls = new CopyOnWriteArrayList<>();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    SpanContext caller = Span.current().getSpanContext();
    calls.add(
        new ReceivedCall(
            call.getMethodDescriptor().getBareMethodName(),
            caller.getTraceId(),
            caller.getSpanId(),
            caller.isSampled()));
    return next.startCall(call, headers);
  }

  /** The calls of a trace, in order. */
  List<ReceivedCall> ofTrace(String traceId) {
    return calls.stream().filter(call -> call.traceId().equals(traceId)).toList();
  }
}
