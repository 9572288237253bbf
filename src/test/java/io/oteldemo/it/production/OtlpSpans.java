package io.oteldemo.it.production;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OTLP {@code ExportTraceServiceRequest} (opentelemetry-proto, trace/v1) from its protobuf
 * bytes, by field number: only what the tests look at (ids, name, kind, status, attributes and
 * events), as {@link OtlpMetrics} reads metrics.
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

  static List<Span> read(byte[] request) throws IOException {
    List<Span> spans = new ArrayList<>();
    for (CodedInputStream resource :
        OtlpMetrics.messages(CodedInputStream.newInstance(request), 1)) {
      for (CodedInputStream scope : OtlpMetrics.messages(resource, 2)) {
        for (CodedInputStream span : OtlpMetrics.messages(scope, 2)) {
          spans.add(span(span));
        }
      }
    }
    return spans;
  }

  private static Span span(CodedInputStream in) throws IOException {
    String traceId = "";
    String spanId = "";
    String parentSpanId = "";
    String name = "";
    Kind kind = Kind.UNSPECIFIED;
    StatusCode status = StatusCode.UNSET;
    String statusMessage = "";
    Map<String, String> attributes = new LinkedHashMap<>();
    List<Event> events = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> traceId = HEX.formatHex(in.readByteArray());
        case 2 -> spanId = HEX.formatHex(in.readByteArray());
        case 4 -> parentSpanId = HEX.formatHex(in.readByteArray());
        case 5 -> name = in.readStringRequireUtf8();
        case 6 -> kind = Kind.values()[Math.min(in.readEnum(), Kind.values().length - 1)];
        case 9 -> OtlpMetrics.attribute(in.readByteArray(), attributes);
        case 11 -> events.add(event(CodedInputStream.newInstance(in.readByteArray())));
        case 15 -> {
          CodedInputStream statusIn = CodedInputStream.newInstance(in.readByteArray());
          for (int t = statusIn.readTag(); t != 0; t = statusIn.readTag()) {
            switch (WireFormat.getTagFieldNumber(t)) {
              case 2 -> statusMessage = statusIn.readStringRequireUtf8();
              case 3 -> status = StatusCode.values()[Math.min(statusIn.readEnum(), 2)];
              default -> statusIn.skipField(t);
            }
          }
        }
        default -> in.skipField(tag);
      }
    }
    return new Span(
        traceId, spanId, parentSpanId, name, kind, status, statusMessage, attributes, events);
  }

  private static Event event(CodedInputStream in) throws IOException {
    String name = "";
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 2 -> name = in.readStringRequireUtf8();
        case 3 -> OtlpMetrics.attribute(in.readByteArray(), attributes);
        default -> in.skipField(tag);
      }
    }
    return new Event(name, attributes);
  }
}
