package io.oteldemo.it.production;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's HTTP endpoint ({@code GET /download/<file>} from its CSV folder), with the faults a
 * test sets: an HTTP status instead of the file, or a delay.
 */
final class WorkerDownloadEndpoint {

  private final int port;
  private final Path csvDirectory;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> traceparents = new CopyOnWriteArrayList<>();
  private volatile int failureStatus;
  private volatile Duration delay = Duration.ZERO;
  private HttpServer server;

  WorkerDownloadEndpoint(int port, Path csvDirectory) {
    this.port = port;
    this.csvDirectory = csvDirectory;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Every request answers this HTTP status (0: serve the file). */
  void failWith(int status) {
    failureStatus = status;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  void clear() {
    failureStatus = 0;
    delay = Duration.ZERO;
    requests.set(0);
    traceparents.clear();
  }

  int requests() {
    return requests.get();
  }

  /** The {@code traceparent} header of each request ("" when there was none). */
  List<String> traceparents() {
    return List.copyOf(traceparents);
  }

  synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve downloads on port " + port, e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/download/", this::serve);
    server.start();
  }

  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
    traceparents.add(traceparent == null ? "" : traceparent);
    try (exchange) {
      Thread.sleep(delay.toMillis());
      Path file =
          csvDirectory.resolve(exchange.getRequestURI().getPath().substring("/download/".length()));
      int status = failureStatus != 0 ? failureStatus : Files.isRegularFile(file) ? 200 : 404;
      if (status != 200) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/csv");
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream body = exchange.getResponseBody()) {
        Files.copy(file, body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
