package io.oteldemo.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The parameters every load test shares, from system properties (Maven passes {@code -D} values
 * on): where the server is, where the tokens come from, and for how long to run.
 */
public record LoadSettings(
    URI baseUrl, Optional<Path> tokenFile, Path issuerDir, int users, Duration duration) {

  /**
   * {@code baseUrl} (http://localhost:9080), {@code tokens} (a file of bearer tokens, one per line,
   * one user each; unset: minted with the development issuer in {@code issuerDir}, default
   * .dev-issuer), {@code users} (10) and {@code duration} in seconds (60).
   */
  public static LoadSettings fromSystemProperties() {
    return new LoadSettings(
        URI.create(System.getProperty("baseUrl", "http://localhost:9080")),
        Optional.ofNullable(System.getProperty("tokens")).filter(p -> !p.isBlank()).map(Path::of),
        Path.of(System.getProperty("issuerDir", ".dev-issuer")),
        intProperty("users", 10),
        Duration.ofSeconds(intProperty("duration", 60)));
  }

  public static int intProperty(String name, int defaultValue) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.trim());
  }

  /** One bearer token per user, {@code count} of them. */
  public List<String> tokens(int count) {
    return LoadTokens.load(tokenFile, issuerDir, count);
  }

  @Override
  public String toString() {
    return "baseUrl="
        + baseUrl
        + ", tokens="
        + tokenFile.map(Path::toString).orElse("minted from " + issuerDir)
        + ", users="
        + users
        + ", duration="
        + duration.toSeconds()
        + " s";
  }
}
