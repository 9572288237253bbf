package io.oteldemo.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A plain HTTP client for the server that the build started for the integration tests. */
public final class ApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI baseUri;
  private final String token;

  /** A client authenticated as a new valid user. */
  public ApiClient() {
    this(TestTokens.accessToken(TestTokens.newUser()));
  }

  private ApiClient(String token) {
    this(URI.create(System.getProperty("it.base.url", "http://localhost:9080")), token);
  }

  private ApiClient(URI baseUri, String token) {
    this.baseUri = baseUri;
    this.token = token;
  }

  /** A client of another server (e.g. the production-like one) that sends this bearer token. */
  public static ApiClient of(URI baseUri, String token) {
    return new ApiClient(baseUri, token);
  }

  /** A client that sends this bearer token. */
  public static ApiClient withToken(String token) {
    return new ApiClient(token);
  }

  /** A client that sends no Authorization header. */
  public static ApiClient anonymous() {
    return new ApiClient(null);
  }

  /**
   * An anonymous client of the server's management port: MicroProfile Health (the probes) and
   * Liberty's own endpoints.
   */
  public static ApiClient management() {
    return new ApiClient(
        URI.create(System.getProperty("it.management.url", "http://localhost:9081")), null);
  }

  public Answer get(String path) {
    return send(request(path).GET().build());
  }

  public Answer postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  public Answer post(String path, String contentType, String body) {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  public Answer send(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(TIMEOUT);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  public Answer send(HttpRequest request) {
    try {
      return new Answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new AssertionError("Request " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /** An HTTP answer with helpers for the JSON body. */
  public record Answer(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** Every value of a header that may come more than once, e.g. {@code Vary}. */
    public List<String> headers(String name) {
      return response.headers().allValues(name);
    }

    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError(
            "Expected a JSON object from " + response.uri() + " but got: " + response.body(), e);
      }
    }

    @Override
    public String toString() {
      return response.request().method() + " " + response.uri() + " -> " + status() + " " + body();
    }
  }
}
