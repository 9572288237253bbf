package io.oteldemo.download;

import io.grpc.Status;
import io.oteldemo.worker.WorkerException;
import io.oteldemo.worker.WorkerTimeoutException;
import io.oteldemo.worker.WorkerUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Result files fetched from the worker's own HTTP endpoint ({@code GET /download/<file>}) and
 * streamed through, for deployments where the worker's volume is not mounted here.
 */
public final class WorkerHttpCsvSource implements CsvSource {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http;
  private final URI baseUri;
  private final Duration timeout;

  public WorkerHttpCsvSource(URI baseUri, Duration timeout) {
    this.baseUri = baseUri;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public Optional<CsvFile> open(String checkedName) {
    HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/download/" + checkedName))
        .timeout(timeout)
        .GET()
        .build();
    HttpResponse<InputStream> response = send(request);
    int status = response.statusCode();
    if (status == 200) {
      OptionalLong size = response.headers().firstValueAsLong("Content-Length");
      return Optional.of(new CsvFile(checkedName, size, response.body()));
    }
    closeQuietly(response.body());
    if (status == 404) {
      return Optional.empty();
    }
    throw new WorkerException(WorkerException.Kind.FAILED, Status.Code.UNKNOWN,
        "The distance worker failed to serve the file (HTTP " + status + ")", null);
  }

  private HttpResponse<InputStream> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new WorkerUnavailableException(Status.Code.UNAVAILABLE,
          "The distance worker is unavailable", e);
    } catch (HttpTimeoutException e) {
      throw new WorkerTimeoutException(Status.Code.DEADLINE_EXCEEDED,
          "The distance worker did not answer in time", e);
    } catch (IOException e) {
      throw new WorkerException(WorkerException.Kind.FAILED, Status.Code.UNKNOWN,
          "The distance worker failed to serve the file", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkerException(WorkerException.Kind.UNAVAILABLE, Status.Code.CANCELLED,
          "Interrupted while fetching the file", e);
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // nothing more to read or release
    }
  }
}
