package io.oteldemo.it.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The page that stands in for otel-ui: {@code src/test/browser/page/}, served on {@code
 * http://127.0.0.1:<it.browser.port>}, an origin other than the API's. The build reserves the port
 * and lists this origin in the test server's {@code CORS_ALLOWED_ORIGINS}, as an operator lists
 * otel-ui's.
 */
final class OtherOriginPage implements AutoCloseable {

  private static final Path PAGE = Path.of(System.getProperty("it.browser.sources"), "page");
  private static final int PORT = Integer.getInteger("it.browser.port");
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/otel-ui-calls.js", "otel-ui-calls.js");
  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "otel-ui-calls.js", "text/javascript; charset=utf-8");

  private final HttpServer server;

  private OtherOriginPage(HttpServer server) {
    this.server = server;
  }

  static OtherOriginPage start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
      server.createContext("/", OtherOriginPage::serve);
      server.start();
      return new OtherOriginPage(server);
    } catch (IOException e) {
      throw new UncheckedIOException("The page's port " + PORT + " could not be bound", e);
    }
  }

  /** The page's address; its origin is what the API must allow. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + PORT + "/");
  }

  private static void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String file = FILES.get(exchange.getRequestURI().getPath());
      if (file == null || !"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(PAGE.resolve(file));
      exchange.getResponseHeaders().set("Content-Type", TYPES.get(file));
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
