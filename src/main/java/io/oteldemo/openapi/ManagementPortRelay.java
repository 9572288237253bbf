package io.oteldemo.openapi;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a page that Liberty serves on this server's management port, over loopback. Liberty binds
 * the OpenAPI document and its UI to the management port's virtual host; their readers, and the
 * UI's "Try it out", belong on the API's port. Only GET, only the paths its caller names, and no
 * header of the client's but {@code Accept}, so that nothing a client sends (its Host, its token)
 * reaches the other side.
 */
@ApplicationScoped
public class ManagementPortRelay {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject
  @ConfigProperty(name = "management.port", defaultValue = "9081")
  int port;

  private HttpClient client;

  @PostConstruct
  void open() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** What Liberty answered, when it answered 200; a 404 for anything it does not serve. */
  public RelayedPage get(String pathAndQuery, Optional<String> accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(TIMEOUT)
            .GET();
    accept.ifPresent(value -> request.header("Accept", value));
    HttpResponse<byte[]> answer;
    try {
      answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
    if (answer.statusCode() != 200) {
      throw new ApiException(ErrorCode.NOT_FOUND, "No such page of the API documentation");
    }
    return new RelayedPage(
        answer.headers().firstValue("Content-Type").orElse("application/octet-stream"),
        answer.body());
  }

  private static ApiException unavailable() {
    return new ApiException(
        ErrorCode.SERVICE_UNAVAILABLE, "The API documentation is not available right now");
  }

  /** A page's type and bytes. */
  public record RelayedPage(String contentType, byte[] body) {}
}
