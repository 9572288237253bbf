package io.oteldemo.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Relays the issuer's JWKS ({@code AUTH_JWKS_LOCATION}: Cognito's, or a file) to Liberty's
 * MicroProfile JWT, which reads it from this server ({@link MicroProfileJwtConfigSource}), so that
 * the cool-down of {@link JwksCache} applies to every fetch.
 */
@ApplicationScoped
public class JwksRelay {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject AuthSettings settings;

  private JwksCache cache;

  @PostConstruct
  void init() {
    URI location = URI.create(settings.configuration().jwksLocation());
    cache = new JwksCache(() -> fetch(location), Clock.systemUTC(), JwksCache.COOLDOWN);
  }

  public String keys() {
    return cache.keys();
  }

  private static String fetch(URI location) {
    try {
      if ("file".equals(location.getScheme())) {
        return Files.readString(Path.of(location), StandardCharsets.UTF_8);
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(location).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("JWKS answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot fetch the JWKS from " + location, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fetching the JWKS", e);
    }
  }
}
