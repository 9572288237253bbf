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

  private static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
