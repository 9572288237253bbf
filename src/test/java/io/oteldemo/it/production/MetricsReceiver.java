package io.oteldemo.it.production;

import io.oteldemo.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoublePredicate;

/**
 * An OTLP/HTTP metrics endpoint inside the test JVM ({@code POST /v1/metrics}, protobuf), which the
 * production-like server exports to every half second. The exports are cumulative, so the latest
 * point of each series is its current value.
 */
final class MetricsReceiver implements AutoCloseable {

  private final Map<String, Map<Map<String, String>, OtlpMetrics.Point>> series =
      new ConcurrentHashMap<>();
  private final AtomicLong exports = new AtomicLong();
  private final OtlpHttpEndpoint endpoint = new OtlpHttpEndpoint("/v1/metrics", this::receive);

  private void receive(byte[] body) throws java.io.IOException {
    for (OtlpMetrics.Point point : OtlpMetrics.read(body)) {
      series
          .computeIfAbsent(point.metric(), name -> new ConcurrentHashMap<>())
          .put(point.attributes(), point);
    }
    exports.incrementAndGet();
  }

  String endpoint() {
    return endpoint.url();
  }

  /**
   * A server's settings that export its metrics here over OTLP/HTTP every half second, often enough
   * for the tests to read them at once.
   */
  Map<String, String> exportSettings() {
    return Map.of(
        "OTEL_METRICS_EXPORTER", "otlp",
        "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/protobuf",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", endpoint(),
        "OTEL_METRIC_EXPORT_INTERVAL", "500");
  }

  Set<String> names() {
    return new TreeSet<>(series.keySet());
  }

  /** The latest points of a metric. */
  List<OtlpMetrics.Point> points(String metric) {
    return List.copyOf(series.getOrDefault(metric, Map.of()).values());
  }

  /**
   * The sum over the series whose attributes include {@code attributes}: a counter's or gauge's
   * value, a histogram's count.
   */
  double value(String metric, Map<String, String> attributes) {
    double total = 0;
    for (OtlpMetrics.Point point : points(metric)) {
      if (point.attributes().entrySet().containsAll(attributes.entrySet())) {
        total += point.kind() == OtlpMetrics.Kind.HISTOGRAM ? point.count() : point.value();
      }
    }
    return total;
  }

  /** Waits until the value satisfies {@code expected} (at most 15 s); the last value seen. */
  double await(String metric, Map<String, String> attributes, DoublePredicate expected) {
    return Await.value(() -> value(metric, attributes), expected::test, Duration.ofSeconds(15));
  }

  /**
   * Waits for two more exports, so that what was recorded before this call has arrived (the first
   * may have been collected before it).
   */
  void awaitCurrent() {
    long target = exports.get() + 2;
    Await.until(
        () -> exports.get() >= target,
        Duration.ofSeconds(15),
        "Two metrics exports from the server");
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
