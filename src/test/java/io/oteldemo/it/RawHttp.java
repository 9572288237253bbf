package io.oteldemo.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to the server under test (loopback), for what an HTTP client library
 * will not send or does not show: a Host header of our choosing, the status line's reason phrase.
 */
public final class RawHttp {

  private RawHttp() {}

  /** The test server's port, from it.base.url. */
  public static int port() {
    return URI.create(System.getProperty("it.base.url", "http://localhost:9080")).getPort();
  }

  /** The test server's management port, from it.management.url. */
  public static int managementPort() {
    return URI.create(System.getProperty("it.management.url", "http://localhost:9081")).getPort();
  }

  public static Socket connect() throws IOException {
    return connect(port());
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /** Sends one request (its head without the final blank line, and a body); reads to EOF. */
  public static Reply exchange(String head, String body) {
    return exchange(port(), head, body);
  }

  /** The same, to another port of the test server (e.g. {@link #managementPort()}). */
  public static Reply exchange(int port, String head, String body) {
    try (Socket socket = connect(port)) {
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      String request =
          head + "\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      return Reply.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends bytes as they are, for what is no well-formed HTTP/1.1 request (an HTTP/0.9 request line,
   * a header name with a space, a path with a raw '\\'); reads the answer to EOF.
   */
  public static Reply exchangeRaw(String request) {
    try (Socket socket = connect(port())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return Reply.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A raw answer: the status line and the head as written. */
  public record Reply(String statusLine, String head, String body) {

    static Reply parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      String head = end < 0 ? raw : raw.substring(0, end);
      String body = end < 0 ? "" : raw.substring(end + 4);
      int firstLine = head.indexOf("\r\n");
      return new Reply(firstLine < 0 ? head : head.substring(0, firstLine), head, body);
    }

    /** The status code of the status line. */
    public int status() {
      String[] parts = statusLine.split(" ");
      return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0
            && line.substring(0, colon)
                .trim()
                .toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }
}
