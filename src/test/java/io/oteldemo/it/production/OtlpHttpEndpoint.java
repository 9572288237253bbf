package io.oteldemo.it.production;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * One OTLP/HTTP path on a loopback port of the test JVM: each protobuf body posted to it goes to
 * {@code export}; a body it cannot read is answered 400, as a collector would.
 */
final class OtlpHttpEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final String path;

  /** What is done with a posted body; a body it cannot read throws. */
  @FunctionalInterface
  interface Export {
    void accept(byte[] body) throws IOException;
  }

  OtlpHttpEndpoint(String path, Export export) {
    this.path = path;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        path,
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            export.accept(body.readAllBytes());
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

  /** The URL the server under test exports to. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
