package io.oteldemo.it.production;

import io.oteldemo.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP traces endpoint inside the test JVM ({@code POST /v1/traces}, protobuf), which the
 * production-like server exports its spans to besides its logging exporter: the spans with their
 * parents, status and events, which the log lines do not show.
 */
final class SpanReceiver implements AutoCloseable {

  private final List<OtlpSpans.Span> spans = new CopyOnWriteArrayList<>();
  private final OtlpHttpEndpoint endpoint =
      new OtlpHttpEndpoint("/v1/traces", body -> spans.addAll(OtlpSpans.read(body)));

  String endpoint() {
    return endpoint.url();
  }

  /** The spans of a trace received so far. */
  List<OtlpSpans.Span> ofTrace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  /**
   * The spans of a trace once they satisfy {@code complete} (at most 15 s; the server exports them
   * in batches); the last seen otherwise.
   */
  List<OtlpSpans.Span> await(String traceId, Predicate<List<OtlpSpans.Span>> complete) {
    return Await.value(() -> ofTrace(traceId), complete, Duration.ofSeconds(15));
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
