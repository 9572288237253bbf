package io.oteldemo.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

/** The trace id of a request, and the tag its log lines end with. */
class TraceIdsTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  private static Span span() {
    return Span.wrap(
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()));
  }

  @Test
  void insideASpanTheTagNamesItsTraceAndSpan() {
    try (Scope ignored = span().makeCurrent()) {
      assertEquals(TRACE_ID, TraceIds.current());
      assertEquals("[trace_id=" + TRACE_ID + " span_id=" + SPAN_ID + "]", TraceIds.logTag());
    }
  }

  @Test
  void outsideAnyTraceThereIsNoTag() {
    assertEquals("", TraceIds.logTag());
  }

  @Test
  void withTelemetryOffARequestStillQuotesItsOwnRandomId() {
    String id = TraceIds.current();
    assertTrue(id.matches("[0-9a-f]{32}"), id);
    assertEquals("[trace_id=" + id + "]", TraceIds.logTag(id));
  }
}
