package io.oteldemo.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerTimeoutException;
import io.oteldemo.worker.WorkerUnavailableException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads proxied from a worker's HTTP endpoint, served here by a real local HTTP server. */
class WorkerHttpCsvSourceTest {

  private static final String CSV = "timestamp,device_id\n2026-01-25T00:00:00Z,iphone_stuart\n";

  private HttpServer worker;
  private final List<String> requested = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startWorker() throws IOException {
    worker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    worker.createContext(
        "/download/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring("/download/".length());
          requested.add(name);
          int status =
              switch (name) {
                case "distance_20260125_iphone_stuart.csv" -> 200;
                case "distance_20260126.csv" -> 500;
                default -> 404;
              };
          byte[] body = status == 200 ? CSV.getBytes(StandardCharsets.UTF_8) : new byte[0];
          exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    worker.start();
  }

  @AfterEach
  void stopWorker() {
    worker.stop(0);
  }

  @Test
  void servesTheWorkersFileWithItsLength() throws IOException {
    CsvFile file = source().open("distance_20260125_iphone_stuart.csv").orElseThrow();

    assertEquals("distance_20260125_iphone_stuart.csv", file.name());
    assertEquals(CSV.getBytes(StandardCharsets.UTF_8).length, file.size().orElseThrow());
    try (InputStream content = file.content()) {
      assertEquals(CSV, new String(content.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(
        List.of("distance_20260125_iphone_stuart.csv"),
        requested,
        "asked the worker's /download/<file>");
  }

  @Test
  void aFileTheWorkerDoesNotHaveIsEmpty() {
    assertEquals(Optional.empty(), source().open("distance_19000101.csv"));
  }

  @Test
  void aWorkerErrorIsABadGateway() {
    WorkerException e =
        assertThrows(WorkerException.class, () -> source().open("distance_20260126.csv"));
    assertEquals(WorkerException.Kind.FAILED, e.kind());
    assertTrue(e.getMessage().contains("500"), e.getMessage());
  }

  @Test
  void anUnreachableWorkerIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    WorkerHttpCsvSource unreachable =
        new WorkerHttpCsvSource(
            URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2));

    WorkerException e =
        assertThrows(WorkerException.class, () -> unreachable.open("distance_20260125.csv"));
    assertEquals(WorkerException.Kind.UNAVAILABLE, e.kind());
  }

  @Test
  void transportFailuresBecomeWorkerExceptionsWithoutAGrpcCode() {
    WorkerException refused =
        WorkerHttpCsvSource.translate(
            new ProcessingException(new ConnectException("Connection refused")));
    WorkerException connectTimeout =
        WorkerHttpCsvSource.translate(
            new ProcessingException(new SocketTimeoutException("Connect timed out")));
    WorkerException readTimeout =
        WorkerHttpCsvSource.translate(
            new ProcessingException(new SocketTimeoutException("Read timed out")));
    WorkerException broken =
        WorkerHttpCsvSource.translate(new ProcessingException(new IOException("Premature EOF")));

    assertEquals(WorkerException.Kind.UNAVAILABLE, refused.kind());
    assertTrue(refused instanceof WorkerUnavailableException, "retried and counted");
    assertEquals(WorkerException.Kind.UNAVAILABLE, connectTimeout.kind());
    assertEquals(WorkerException.Kind.TIMEOUT, readTimeout.kind());
    assertTrue(readTimeout instanceof WorkerTimeoutException, "counted, never retried");
    assertEquals(WorkerException.Kind.FAILED, broken.kind());
    for (WorkerException e : List.of(refused, connectTimeout, readTimeout, broken)) {
      assertNull(e.grpcCode(), "no gRPC code on an HTTP failure");
    }
  }

  private WorkerHttpCsvSource source() {
    return new WorkerHttpCsvSource(
        URI.create("http://127.0.0.1:" + worker.getAddress().getPort()), Duration.ofSeconds(5));
  }
}
