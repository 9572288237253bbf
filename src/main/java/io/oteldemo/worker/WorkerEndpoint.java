package io.oteldemo.worker;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the worker is, parsed from {@code DISTANCE_SERVICE_ENDPOINT}: {@code embedded}, {@code
 * host:port}, or {@code dns:///host:port} (every address behind a headless Service, balanced
 * round-robin).
 */
public record WorkerEndpoint(Mode mode, String host, int port) {

  public static final String EMBEDDED = "embedded";
  private static final String DNS_SCHEME = "dns:///";
  private static final Pattern HOST_PORT =
      Pattern.compile(
          "(?<host>[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]):(?<port>\\d{1,5})");

  /** How the channel reaches the worker. */
  public enum Mode {
    /** A worker started inside this server, on a loopback port. */
    EMBEDDED,
    /** One address; the channel keeps one connection (pick_first). */
    DIRECT,
    /** Every address the name resolves to, balanced round-robin. */
    DNS_ROUND_ROBIN
  }

  public static WorkerEndpoint parse(String setting) {
    String value = setting == null ? "" : setting.trim();
    if (value.toLowerCase(Locale.ROOT).equals(EMBEDDED)) {
      return new WorkerEndpoint(Mode.EMBEDDED, "127.0.0.1", 0);
    }
    boolean dns = value.startsWith(DNS_SCHEME);
    Matcher matcher = HOST_PORT.matcher(dns ? value.substring(DNS_SCHEME.length()) : value);
    if (!matcher.matches()) {
      throw invalid(value);
    }
    int port = Integer.parseInt(matcher.group("port"));
    if (port < 1 || port > 65535) {
      throw invalid(value);
    }
    return new WorkerEndpoint(
        dns ? Mode.DNS_ROUND_ROBIN : Mode.DIRECT, matcher.group("host"), port);
  }

  /** The gRPC target of a remote worker. */
  public String target() {
    String hostPort = host + ":" + port;
    return mode == Mode.DNS_ROUND_ROBIN ? DNS_SCHEME + hostPort : hostPort;
  }

  private static IllegalArgumentException invalid(String value) {
    return new IllegalArgumentException(
        "DISTANCE_SERVICE_ENDPOINT must be 'embedded', 'host:port' or 'dns:///host:port', not '"
            + value
            + "'");
  }
}
