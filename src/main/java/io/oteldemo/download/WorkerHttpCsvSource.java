package io.oteldemo.download;

import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerTimeoutException;
import io.oteldemo.worker.WorkerUnavailableException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Result files fetched from the worker's own HTTP endpoint ({@code GET /download/<file>}) and
 * streamed through, for deployments where the worker's volume is not mounted here. The call is a
 * MicroProfile Rest Client; its failures become the worker exceptions every caller already handles,
 * whatever the transport.
 */
public final class WorkerHttpCsvSource implements CsvSource, AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Statuses other than 200 and 404 are answers to classify here, not exceptions to map. */
  private static final String DISABLE_DEFAULT_MAPPER =
      "microprofile.rest.client.disable.default.mapper";

  private final WorkerFileApi worker;

  /**
   * {@code timeout} bounds each wait for the worker: the connection (at most 2 s) and each read.
   */
  public WorkerHttpCsvSource(URI baseUri, Duration timeout) {
    Duration connect = timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT;
    this.worker =
        RestClientBuilder.newBuilder()
            .baseUri(baseUri)
            .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .followRedirects(false)
            .property(DISABLE_DEFAULT_MAPPER, true)
            .build(WorkerFileApi.class);
  }

  @Override
  public Optional<CsvFile> open(String checkedName) {
    Response response = fetch(checkedName);
    int status = response.getStatus();
    if (status == 200) {
      int length = response.getLength();
      OptionalLong size = length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
      return Optional.of(new CsvFile(checkedName, size, body(response)));
    }
    response.close();
    if (status == 404) {
      return Optional.empty();
    }
    throw new WorkerException(
        WorkerException.Kind.FAILED,
        "The distance worker failed to serve the file (HTTP " + status + ")",
        null);
  }

  private Response fetch(String checkedName) {
    try {
      return worker.download(checkedName);
    } catch (ProcessingException e) {
      throw translate(e);
    }
  }

  /** The body as a stream that releases the connection when the reader closes it. */
  private static InputStream body(Response response) {
    try {
      return new FilterInputStream(response.readEntity(InputStream.class)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            response.close();
          }
        }
      };
    } catch (ProcessingException e) {
      response.close();
      throw translate(e);
    }
  }

  /** Unreachable (worth a retry), too slow (not retried), or anything else the transport threw. */
  static WorkerException translate(ProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (isUnreachable(cause)) {
        return new WorkerUnavailableException("The distance worker is unavailable", e);
      }
      if (cause instanceof InterruptedIOException) {
        return new WorkerTimeoutException("The distance worker did not answer in time", e);
      }
    }
    return new WorkerException(
        WorkerException.Kind.FAILED, "The distance worker failed to serve the file", e);
  }

  private static boolean isUnreachable(Throwable cause) {
    if (cause instanceof ConnectException
        || cause instanceof NoRouteToHostException
        || cause instanceof UnknownHostException) {
      return true;
    }
    // A connection that timed out is a SocketTimeoutException (or a client library's subclass of
    // InterruptedIOException) that names the connect phase.
    String message = cause.getMessage();
    return cause instanceof InterruptedIOException
        && (cause.getClass().getSimpleName().startsWith("Connect")
            || message != null && message.toLowerCase(Locale.ROOT).contains("connect timed out"));
  }

  @Override
  public void close() {
    if (worker instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // nothing left to release
      }
    }
  }
}
