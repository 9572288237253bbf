package io.oteldemo.it.production;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The spans of an OTLP {@code ExportTraceServiceRequest}, read with opentelemetry-proto's classes:
 * only what the tests look at (ids, name, kind, status, attributes and events).
 */
final class OtlpSpans {

  /** A span's kind, as OTLP numbers them. */
  enum Kind {
    UNSPECIFIED,
    INTERNAL,
    SERVER,
    CLIENT,
    PRODUCER,
    CONSUMER
  }

  /** A span's status code, as OTLP numbers them. */
  enum StatusCode {
    UNSET,
    OK,
    ERROR
  }

  record Event(String name, Map<String, String> attributes) {}

  /** One span; {@code parentSpanId} is empty for a root span. */
  record Span(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      Kind kind,
      StatusCode status,
      String statusMessage,
      Map<String, String> attributes,
      List<Event> events) {}

  private static final HexFormat HEX = HexFormat.of();

  private OtlpSpans() {}

  static List<Span> read(byte[] request) throws InvalidProtocolBufferException {
    List<Span> spans = new ArrayList<>();
    for (ResourceSpans resource :
        ExportTraceServiceRequest.parseFrom(request).getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        scope.getSpansList().forEach(span -> spans.add(span(span)));
      }
    }
    return spans;
  }

  private static Span span(io.opentelemetry.proto.trace.v1.Span span) {
    return new Span(
        HEX.formatHex(span.getTraceId().toByteArray()),
        HEX.formatHex(span.getSpanId().toByteArray()),
        HEX.formatHex(span.getParentSpanId().toByteArray()),
        span.getName(),
        Kind.values()[Math.min(span.getKindValue(), Kind.values().length - 1)],
        StatusCode.values()[Math.min(span.getStatus().getCodeValue(), 2)],
        span.getStatus().getMessage(),
        OtlpMetrics.attributes(span.getAttributesList()),
        span.getEventsList().stream()
            .map(
                event ->
                    new Event(event.getName(), OtlpMetrics.attributes(event.getAttributesList())))
            .toList());
  }
}
