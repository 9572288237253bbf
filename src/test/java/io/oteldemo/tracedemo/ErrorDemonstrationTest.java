package io.oteldemo.tracedemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.telemetry.RequestTrace;
import io.oteldemo.testing.CapturedLog;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /error}'s failure on every signal once: the request's span is ERROR with an exception
 * event, the counter counts each call, one log line without a stack trace names the trace, and the
 * exception is the 500 of the error model.
 */
class ErrorDemonstrationTest {

  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  @RegisterExtension final CapturedLog log = new CapturedLog(ErrorDemonstration.class);

  @AfterEach
  void close() {
    telemetry.close();
  }

  @Test
  void eachCallMarksItsSpanCountsAndLogsOnceWithoutAStackTrace() {
    ErrorDemonstration demonstration =
        new ErrorDemonstration(telemetry.openTelemetry(), new RequestTrace());

    DeliberateError error = call(demonstration);
    call(demonstration);

    assertEquals(ErrorCode.INTERNAL_ERROR, error.code());
    assertEquals(DeliberateError.MESSAGE, error.getMessage());
    assertEquals(2, telemetry.counter(ErrorDemonstration.ERRORS), "each call counted");
    SpanData span = telemetry.endedSpans().get(0);
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    List<EventData> events = span.getEvents();
    assertEquals(1, events.size(), () -> "one exception event: " + events);
    assertEquals("exception", events.get(0).getName());
    assertEquals(
        DeliberateError.class.getName(),
        events.get(0).getAttributes().get(AttributeKey.stringKey("exception.type")));
    List<LogRecord> logged = log.records();
    assertEquals(2, logged.size(), () -> "one line per call: " + logged);
    LogRecord line = logged.get(0);
    assertNull(line.getThrown(), "no stack trace in the log");
    assertTrue(
        line.getMessage().contains("trace_id=" + span.getTraceId()),
        () -> "the line names the trace: " + line.getMessage());
  }

  private DeliberateError call(ErrorDemonstration demonstration) {
    Span request = telemetry.startRequestSpan();
    try (Scope ignored = request.makeCurrent()) {
      return assertThrows(DeliberateError.class, demonstration::fail);
    } finally {
      request.end();
    }
  }
}
