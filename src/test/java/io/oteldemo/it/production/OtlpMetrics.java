package io.oteldemo.it.production;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points of an OTLP {@code ExportMetricsServiceRequest}, read with opentelemetry-proto's
 * classes: each metric's name, unit and kind, and its points' attributes and values.
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

  static List<Point> read(byte[] request) throws InvalidProtocolBufferException {
    List<Point> points = new ArrayList<>();
    for (ResourceMetrics resource :
        ExportMetricsServiceRequest.parseFrom(request).getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          points(metric, points);
        }
      }
    }
    return points;
  }

  private static void points(Metric metric, List<Point> points) {
    String name = metric.getName();
    String unit = metric.getUnit();
    switch (metric.getDataCase()) {
      case GAUGE -> number(name, unit, Kind.GAUGE, metric.getGauge().getDataPointsList(), points);
      case SUM ->
          number(
              name,
              unit,
              metric.getSum().getIsMonotonic() ? Kind.COUNTER : Kind.UPDOWNCOUNTER,
              metric.getSum().getDataPointsList(),
              points);
      case HISTOGRAM ->
          metric
              .getHistogram()
              .getDataPointsList()
              .forEach(
                  point ->
                      points.add(
                          new Point(
                              name,
                              unit,
                              Kind.HISTOGRAM,
                              attributes(point.getAttributesList()),
                              point.getSum(),
                              point.getCount())));
      default -> points.add(new Point(name, unit, Kind.OTHER, Map.of(), 0, 0));
    }
  }

  private static void number(
      String name, String unit, Kind kind, List<NumberDataPoint> data, List<Point> points) {
    for (NumberDataPoint point : data) {
      double value =
          point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
              ? point.getAsInt()
              : point.getAsDouble();
      points.add(new Point(name, unit, kind, attributes(point.getAttributesList()), value, 0));
    }
  }

  /** Attributes with their values as text (string, bool, int or double); spans' too. */
  static Map<String, String> attributes(List<KeyValue> keyValues) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      AnyValue value = keyValue.getValue();
      attributes.put(
          keyValue.getKey(),
          switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> "";
          });
    }
    return attributes;
  }
}
