package io.oteldemo.it.production;

import com.sun.net.httpserver.HttpServer;
import io.oteldemo.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

  private final HttpServer server;
  private final List<OtlpSpans.Span> spans = new CopyOnWriteArrayList<>();

  SpanReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            spans.addAll(OtlpSpans.read(body.readAllBytes()));
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
          } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
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
    server.stop(0);
  }
}
