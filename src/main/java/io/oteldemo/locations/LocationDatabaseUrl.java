package io.oteldemo.locations;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of {@code LOCATIONS_DB_URL} the application reports: the database and its (first) host
 * and port. The URL itself goes to Liberty's dataSource as it is.
 *
 * <p>A malformed URL stops the start naming the setting, never echoing its value: a URL may carry
 * driver parameters an operator would not want in a log. A URL that carries a password is refused
 * for the same reason: the password belongs in {@code LOCATIONS_DB_PASSWORD}, from a Secret.
 *
 * @param host the first host of the URL
 * @param port its port, 5432 when the URL names none
 * @param database the database name
 */
public record LocationDatabaseUrl(String host, int port, String database) {

  public static final String SETTING = "LOCATIONS_DB_URL";

  static final int DEFAULT_PORT = 5432;

  /** Driver parameters server.xml sets for PgBouncer; a URL may not change them. */
  static final java.util.List<String> SET_BY_THE_SERVER =
      java.util.List.of("prepareThreshold", "preferQueryMode");

  private static final Pattern URL =
      Pattern.compile("jdbc:postgresql://(?<hosts>[^/?#]+)/(?<database>[^/?#]+)(\\?(?<query>.*))?");
  private static final Pattern HOST_PORT =
      Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(:(?<port>\\d{1,5}))?");

  /**
   * @throws IllegalStateException naming {@value #SETTING} and what is wrong with it
   */
  public static LocationDatabaseUrl parse(String url) {
    Matcher matcher = URL.matcher(url.strip());
    if (!matcher.matches()) {
      throw malformed("is not a jdbc:postgresql://host:port/database URL");
    }
    String query = matcher.group("query");
    if (query != null && parameter(query, "password")) {
      throw malformed("must not carry the password: set LOCATIONS_DB_PASSWORD (from a Secret)");
    }
    for (String fixed : SET_BY_THE_SERVER) {
      if (query != null && parameter(query, fixed)) {
        throw malformed(
            "must not set "
                + fixed
                + ": server.xml sets it, so that PgBouncer's transaction pooling stays safe");
      }
    }
    String firstHost = matcher.group("hosts").split(",", -1)[0];
    Matcher hostPort = HOST_PORT.matcher(firstHost);
    if (!hostPort.matches()) {
      throw malformed("does not name a host");
    }
    int port =
        hostPort.group("port") == null ? DEFAULT_PORT : Integer.parseInt(hostPort.group("port"));
    if (port < 1 || port > 65535) {
      throw malformed("names a port outside 1-65535");
    }
    return new LocationDatabaseUrl(hostPort.group("host"), port, matcher.group("database"));
  }

  private static boolean parameter(String query, String name) {
    return query.toLowerCase(Locale.ROOT).matches("(.*&)?" + name.toLowerCase(Locale.ROOT) + "=.*");
  }

  private static IllegalStateException malformed(String problem) {
    return new IllegalStateException(SETTING + " " + problem);
  }

  @Override
  public String toString() {
    return "PostgreSQL database " + database + " at " + host + ":" + port;
  }
}
