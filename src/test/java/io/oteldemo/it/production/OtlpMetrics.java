package io.oteldemo.it.production;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OTLP {@code ExportMetricsServiceRequest} (opentelemetry-proto, metrics/v1) from its
 * protobuf bytes, by field number: only what the tests look at (each metric's name, unit and kind,
 * and its points' attributes and values). Small enough to need no generated classes.
 */
final class OtlpMetrics {

  /** A metric's kind as the catalogue names it. */
  enum Kind {
    COUNTER,
    UPDOWNCOUNTER,
    GAUGE,
    HISTOGRAM,
    OTHER
  }

  /** One point: for a histogram, {@code value} is its sum and {@code count} its count. */
  record Point(
      String metric,
      String unit,
      Kind kind,
      Map<String, String> attributes,
      double value,
      long count) {}

  private OtlpMetrics() {}

  static List<Point> read(byte[] request) throws IOException {
    List<Point> points = new ArrayList<>();
    for (CodedInputStream resource : messages(request, 1)) {
      for (CodedInputStream scope : messages(resource, 2)) {
        for (CodedInputStream metric : messages(scope, 2)) {
          metric(metric, points);
        }
      }
    }
    return points;
  }

  private static void metric(CodedInputStream in, List<Point> points) throws IOException {
    String name = "";
    String unit = "";
    List<byte[]> data = new ArrayList<>();
    List<Integer> dataFields = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      switch (field) {
        case 1 -> name = in.readStringRequireUtf8();
        case 3 -> unit = in.readStringRequireUtf8();
        case 5, 7, 9, 10, 11 -> {
          data.add(in.readByteArray());
          dataFields.add(field);
        }
        default -> in.skipField(tag);
      }
    }
    for (int i = 0; i < data.size(); i++) {
      points(name, unit, dataFields.get(i), data.get(i), points);
    }
  }

  private static void points(String name, String unit, int field, byte[] data, List<Point> points)
      throws IOException {
    List<byte[]> dataPoints = new ArrayList<>();
    boolean monotonic = false;
    CodedInputStream in = CodedInputStream.newInstance(data);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int number = WireFormat.getTagFieldNumber(tag);
      if (number == 1) {
        dataPoints.add(in.readByteArray());
      } else if (number == 3 && field == 7) {
        monotonic = in.readBool();
      } else {
        in.skipField(tag);
      }
    }
    Kind kind =
        switch (field) {
          case 5 -> Kind.GAUGE;
          case 7 -> monotonic ? Kind.COUNTER : Kind.UPDOWNCOUNTER;
          case 9 -> Kind.HISTOGRAM;
          default -> Kind.OTHER;
        };
    for (byte[] point : dataPoints) {
      points.add(
          kind == Kind.HISTOGRAM
              ? histogramPoint(name, unit, point)
              : numberPoint(name, unit, kind, point));
    }
  }

  private static Point numberPoint(String name, String unit, Kind kind, byte[] point)
      throws IOException {
    Map<String, String> attributes = new LinkedHashMap<>();
    double value = 0;
    CodedInputStream in = CodedInputStream.newInstance(point);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 4 -> value = in.readDouble();
        case 6 -> value = in.readSFixed64();
        case 7 -> attribute(in.readByteArray(), attributes);
        default -> in.skipField(tag);
      }
    }
    return new Point(name, unit, kind, attributes, value, 0);
  }

  private static Point histogramPoint(String name, String unit, byte[] point) throws IOException {
    Map<String, String> attributes = new LinkedHashMap<>();
    double sum = 0;
    long count = 0;
    CodedInputStream in = CodedInputStream.newInstance(point);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 4 -> count = in.readFixed64();
        case 5 -> sum = in.readDouble();
        case 9 -> attribute(in.readByteArray(), attributes);
        default -> in.skipField(tag);
      }
    }
    return new Point(name, unit, Kind.HISTOGRAM, attributes, sum, count);
  }

  /** A KeyValue; its AnyValue as text (string, bool, int or double). Spans' too. */
  static void attribute(byte[] keyValue, Map<String, String> attributes) throws IOException {
    String key = "";
    String value = "";
    CodedInputStream in = CodedInputStream.newInstance(keyValue);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == 1) {
        key = in.readStringRequireUtf8();
      } else if (field == 2) {
        value = anyValue(in.readByteArray());
      } else {
        in.skipField(tag);
      }
    }
    attributes.put(key, value);
  }

  private static String anyValue(byte[] any) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(any);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> {
          return in.readStringRequireUtf8();
        }
        case 2 -> {
          return Boolean.toString(in.readBool());
        }
        case 3 -> {
          return Long.toString(in.readInt64());
        }
        case 4 -> {
          return Double.toString(in.readDouble());
        }
        default -> in.skipField(tag);
      }
    }
    return "";
  }

  /** The length-delimited messages of a field, at the top level of {@code message}. */
  private static List<CodedInputStream> messages(byte[] message, int field) throws IOException {
    return messages(CodedInputStream.newInstance(message), field);
  }

  static List<CodedInputStream> messages(CodedInputStream in, int field) throws IOException {
    List<CodedInputStream> found = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == field
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        found.add(CodedInputStream.newInstance(in.readByteArray()));
      } else {
        in.skipField(tag);
      }
    }
    return found;
  }
}
