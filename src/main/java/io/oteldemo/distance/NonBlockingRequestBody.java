package io.oteldemo.distance;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A request body read through the Servlet non-blocking read, at most {@code limit + 1} bytes, on
 * the first read, and whole within a deadline, whatever the server's read timeout is set to: the
 * reading thread never waits longer for the listener, so a client that sends a byte now and then
 * cannot hold a request for as long as it likes. Why not a blocking read: when a blocking read
 * times out, the web container keeps the error in its input stream and throws it again when it
 * closes the stream at the end of the request, which it records as an FFDC incident, one per
 * stalled body. A read listener is told of the same timeout through {@link ReadListener#onError}
 * instead. Needs an asynchronous request (a JAX-RS resource with an {@code AsyncResponse}); the
 * reading thread waits for the listener, so everything after the read runs where it always did.
 */
final class NonBlockingRequestBody extends InputStream implements ReadListener {

  private final HttpServletRequest request;
  private final int limit;
  private final Duration deadline;
  private final byte[] chunk = new byte[1024];
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> whole = new CompletableFuture<>();
  private ServletInputStream in;
  private InputStream bytes;

  NonBlockingRequestBody(HttpServletRequest request, int limit, Duration deadline) {
    this.request = request;
    this.limit = limit;
    this.deadline = deadline;
  }

  @Override
  public int read() throws IOException {
    return body().read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return body().read(b, off, len);
  }

  private InputStream body() throws IOException {
    if (bytes == null) {
      bytes = new ByteArrayInputStream(awaitWhole());
    }
    return bytes;
  }

  private byte[] awaitWhole() throws IOException {
    in = request.getInputStream();
    in.setReadListener(this);
    try {
      return whole.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      throw new SocketTimeoutException("the body did not arrive whole within " + deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the body was read");
    }
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!whole.isDone() && in.isReady()) {
      int n = in.read(chunk);
      if (n < 0) {
        return;
      }
      received.write(chunk, 0, n);
      if (received.size() > limit) {
        // Enough to refuse it as too large: the rest is never read.
        whole.complete(received.toByteArray());
      }
    }
  }

  @Override
  public void onAllDataRead() {
    whole.complete(received.toByteArray());
  }

  @Override
  public void onError(Throwable failure) {
    whole.completeExceptionally(failure);
  }
}
