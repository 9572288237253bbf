package io.oteldemo.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Reads the current trace id. */
public final class TraceIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TraceIds() {}

  /**
   * The trace id of the current span; when telemetry is switched off (no valid span), a fresh
   * random id in the same format, so that a request can still be quoted and found in the logs.
   */
  public static String current() {
    SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : random();
  }

  /**
   * What a log line written while handling a request ends with, so the line can be found from a
   * trace and a trace from the line: {@code [trace_id=… span_id=…]} of the current span; empty
   * outside any trace.
   */
  public static String logTag() {
    SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? logTag(context.getTraceId()) : "";
  }

  /** The log tag of a request whose trace id is known (a random one when telemetry is off). */
  public static String logTag(String traceId) {
    SpanContext context = Span.current().getSpanContext();
    return "[trace_id="
        + traceId
        + (context.isValid() ? " span_id=" + context.getSpanId() : "")
        + "]";
  }

  private static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
