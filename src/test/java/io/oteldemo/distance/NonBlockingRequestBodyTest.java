package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonBlockingRequestBodyTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void aBodyArrivingInPartsOnAnotherThreadIsReadWhole() throws IOException {
    ArrivingBody arriving =
        new ArrivingBody(List.of(bytes("{\"date\":"), bytes("\"2026-01-25\"}")), null);

    byte[] read = new NonBlockingRequestBody(arriving.request(), 4096, TEN_SECONDS).readAllBytes();

    assertEquals("{\"date\":\"2026-01-25\"}", new String(read, StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyBodyReadsAsNoBytes() throws IOException {
    ArrivingBody arriving = new ArrivingBody(List.of(), null);

    assertEquals(
        0, new NonBlockingRequestBody(arriving.request(), 4096, TEN_SECONDS).readAllBytes().length);
  }

  /** The timeout reaches the reader as it is, so it can answer 408 rather than 400. */
  @Test
  void theListenersErrorIsThrownByTheRead() {
    SocketTimeoutException timeout = new SocketTimeoutException("read timed out");
    ArrivingBody arriving = new ArrivingBody(List.of(bytes("{\"da")), timeout);

    IOException thrown =
        assertThrows(
            IOException.class,
            () -> new NonBlockingRequestBody(arriving.request(), 4096, TEN_SECONDS).readAllBytes());

    assertSame(timeout, thrown);
  }

  /** Each part came in time, but the whole did not: a timeout too, so the reader answers 408. */
  @Test
  void aBodyNotWholeByTheDeadlineIsATimeout() {
    ArrivingBody arriving = new ArrivingBody(List.of(bytes("{\"da")), null).endless();
    long started = System.nanoTime();

    assertThrows(
        SocketTimeoutException.class,
        () ->
            new NonBlockingRequestBody(arriving.request(), 4096, Duration.ofMillis(200))
                .readAllBytes());

    assertTrue(
        System.nanoTime() - started >= Duration.ofMillis(200).toNanos(), "not before the deadline");
  }

  @Test
  void readingStopsOnceTheBodyIsOverTheLimit() throws IOException {
    byte[] part = new byte[1000];
    Arrays.fill(part, (byte) 'x');
    ArrivingBody arriving = new ArrivingBody(List.of(part, part, part, part, part, part), null);

    byte[] read = new NonBlockingRequestBody(arriving.request(), 2500, TEN_SECONDS).readAllBytes();

    assertEquals(3000, read.length, "the first parts past the limit, and no more");
    assertTrue(arriving.unread() > 0, "the rest is never read");
  }

  /** A body that is refused for its headers (Content-Type) is never waited for. */
  @Test
  void nothingIsReadBeforeTheFirstRead() {
    ArrivingBody arriving = new ArrivingBody(List.of(bytes("{}")), null);

    new NonBlockingRequestBody(arriving.request(), 4096, TEN_SECONDS);

    assertNull(arriving.listener);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A servlet input stream in non-blocking mode: its parts arrive one at a time on a thread of
   * their own, each announced by {@code onDataAvailable}, then the end or the error.
   */
  private static final class ArrivingBody extends ServletInputStream {
    private final Deque<byte[]> parts;
    private final IOException failure;
    private volatile ReadListener listener;
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean finished;
    private boolean endless;

    ArrivingBody(List<byte[]> parts, IOException failure) {
      this.parts = new ArrayDeque<>(parts);
      this.failure = failure;
    }

    /** After its parts, neither the end nor an error: the client keeps the body open. */
    ArrivingBody endless() {
      endless = true;
      return this;
    }

    HttpServletRequest request() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, method, args) -> {
                if (method.getName().equals("getInputStream")) {
                  return this;
                }
                throw new UnsupportedOperationException(method.getName());
              });
    }

    int unread() {
      return current.length - position + parts.stream().mapToInt(part -> part.length).sum();
    }

    @Override
    public void setReadListener(ReadListener readListener) {
      listener = readListener;
      Thread delivery = new Thread(this::deliver, "body-arrivals");
      delivery.setDaemon(true);
      delivery.start();
    }

    private synchronized void deliver() {
      try {
        while (!parts.isEmpty()) {
          if (position < current.length) {
            return; // the listener stopped reading
          }
          current = parts.poll();
          position = 0;
          listener.onDataAvailable();
        }
        if (endless) {
          return;
        }
        if (failure != null) {
          listener.onError(failure);
        } else if (position >= current.length) {
          finished = true;
          listener.onAllDataRead();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return position < current.length;
    }

    @Override
    public int read() {
      return isReady() ? current[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }
}
