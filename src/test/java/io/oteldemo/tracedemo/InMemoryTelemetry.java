package io.oteldemo.tracedemo;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/** An OpenTelemetry SDK that keeps the spans and metrics of a test in memory. */
final class InMemoryTelemetry implements AutoCloseable {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .build();

  OpenTelemetry openTelemetry() {
    return sdk;
  }

  /** A span standing for the request's server span. */
  Span startRequestSpan() {
    return sdk.getTracer("test").spanBuilder("GET /test").startSpan();
  }

  /** The spans ended so far, in the order they ended. */
  List<SpanData> endedSpans() {
    return spans.getFinishedSpanItems();
  }

  SpanData span(String name) {
    return endedSpans().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + endedSpans()));
  }

  /** A counter's sum, 0 before its first point. */
  long counter(String name) {
    return metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals(name))
        .map(MetricData::getLongSumData)
        .flatMap(sum -> sum.getPoints().stream())
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  @Override
  public void close() {
    sdk.close();
  }
}
