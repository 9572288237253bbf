package io.oteldemo.it.production;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tests' token issuer as Cognito publishes it: its JWKS over HTTP at {@code
 * <pool>/.well-known/jwks.json}, so the server fetches keys the way it does in production.
 */
final class IssuerEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final String jwksPath;

  IssuerEndpoint(String userPool, Path jwks) {
    jwksPath = "/" + userPool + "/.well-known/jwks.json";
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        jwksPath,
        exchange -> {
          try (exchange;
              OutputStream body = exchange.getResponseBody()) {
            byte[] keys = Files.readAllBytes(jwks);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            body.write(keys);
          }
        });
    server.start();
  }

  String jwksUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + jwksPath;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
