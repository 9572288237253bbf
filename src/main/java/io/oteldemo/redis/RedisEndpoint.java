package io.oteldemo.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where Redis is, parsed from {@code REDIS_URL}: {@code redis://} or {@code rediss://} (TLS), with
 * optional user, password and database ({@code rediss://user:secret@host:6379/2}). Its {@link
 * #toString()} never shows the password.
 */
public record RedisEndpoint(
    String host,
    int port,
    boolean tls,
    Optional<String> user,
    Optional<String> password,
    int database) {

  private static final int DEFAULT_PORT = 6379;

  public static RedisEndpoint parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid("it is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw invalid("the scheme must be redis:// or rediss://");
    }
    if (uri.getHost() == null) {
      throw invalid("it names no host");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String name = colon < 0 ? userInfo : userInfo.substring(0, colon);
      user = Optional.of(decode(name)).filter(value -> !value.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
    }
    return new RedisEndpoint(
        uri.getHost(), port, scheme.equals("rediss"), user, password, database(uri.getPath()));
  }

  /** How to authenticate, TLS and database, as the URL gives them. */
  public RedisAccess access() {
    return new RedisAccess(user, password, tls, database);
  }

  private static int database(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int database = Integer.parseInt(path.substring(1));
      if (database >= 0) {
        return database;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("the path must be a database number, e.g. /0");
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String why) {
    // The URL itself is not repeated: it may hold a password.
    return new IllegalArgumentException("REDIS_URL is not usable: " + why);
  }

  /** The URL with the password masked, for logs. */
  @Override
  public String toString() {
    String credentials = user.orElse("") + password.map(secret -> ":***").orElse("");
    return (tls ? "rediss://" : "redis://")
        + (credentials.isEmpty() ? "" : credentials + "@")
        + host
        + ":"
        + port
        + "/"
        + database;
  }
}
