package io.oteldemo.load.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An authenticated GET per call, over a kept-alive HTTP/1.1 connection. HttpURLConnection is a
 * plain blocking client: next to the asynchronous java.net.http client it spends little CPU per
 * request, which matters when the server and the load share two cores.
 */
final class HttpGetTarget implements Target {

  static {
    // Keep an idle connection for every client thread (the JDK keeps 5 by default).
    System.setProperty("http.maxConnections", "256");
  }

  private final String name;
  private final URI baseUrl;
  private final List<String> tokens;
  private final IntFunction<String> path;

  /** {@code path} of client i, which sends {@code tokens.get(i)}. */
  HttpGetTarget(String name, URI baseUrl, List<String> tokens, IntFunction<String> path) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.tokens = tokens;
    this.path = path;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Call client(int index) {
    URL url = toUrl(baseUrl.resolve(path.apply(index)));
    String authorization = "Bearer " + tokens.get(index);
    byte[] buffer = new byte[8192];
    return () -> {
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setRequestProperty("Authorization", authorization);
      connection.setRequestProperty("Accept", "application/json");
      int status = connection.getResponseCode();
      // Read the body to its end, so the connection goes back to the keep-alive cache.
      try (InputStream body =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (status != 200) {
          throw new IOException(
              "HTTP "
                  + status
                  + " "
                  + (body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        }
        while (body.read(buffer) >= 0) {
          // discard
        }
      }
    };
  }

  private static URL toUrl(URI uri) {
    try {
      return uri.toURL();
    } catch (IOException e) {
      throw new IllegalArgumentException(uri.toString(), e);
    }
  }
}
