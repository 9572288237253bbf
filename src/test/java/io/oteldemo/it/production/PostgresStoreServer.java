package io.oteldemo.it.production;

import io.oteldemo.it.ApiClient;
import io.oteldemo.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Liberty server made as a deployment makes one (the project's server.xml, the WAR, the JDBC
 * driver in {@code jdbc/}, settings from the environment) whose location store is a PostgreSQL of
 * the tests' own: {@code LOCATIONS_DB_URL} set, and {@code LOCATION_DATA_PATH} a folder that does
 * not exist, so every location it reads comes from the database. The embedded worker computes from
 * the same store; no Redis. Its metrics, the connection pool's among them, go to a receiver in this
 * JVM as the production-like server's do.
 */
final class PostgresStoreServer implements AutoCloseable {

  static final String NAME = "postgres-store";

  private final MetricsReceiver metrics = new MetricsReceiver();
  private final SettingsServer server;

  PostgresStoreServer(String url, String user, String password) {
    Path build = Path.of(System.getProperty("it.build.dir", "target"));
    Path driver = driver();
    try {
      server =
          SettingsServer.ready(
              NAME,
              settings(build, url, user, password, metrics.exportSettings()),
              Map.of(driver, "jdbc/" + driver.getFileName()));
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
  }

  private static Path driver() {
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.jdbc.driver.dir")))) {
      return jars.filter(jar -> jar.getFileName().toString().startsWith("postgresql-"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No PostgreSQL JDBC driver was built"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tests' PostgreSQL as the only location store, on top of a deployment's environment. */
  private static Map<String, String> settings(
      Path build, String url, String user, String password, Map<String, String> export) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("LOCATION_DATA_PATH", build.resolve(NAME + "-no-recorder-files").toString());
    settings.put("LOCATIONS_DB_URL", url);
    settings.put("LOCATIONS_DB_USER", user);
    settings.put("LOCATIONS_DB_PASSWORD", password);
    // The fault test sends a thousand requests: none of them may be a 429.
    settings.put("RATE_LIMIT_STATUS", "100000");
    settings.put("RATE_LIMIT_CALCULATE", "100000");
    // The runtime-wide SDK, as kubernetes/base/config.env has it: Liberty's pool metrics come only
    // from it, to the receiver in this JVM.
    settings.put("OTEL_SDK_DISABLED", "false");
    settings.put("OTEL_SERVICE_NAME", "otel-demo");
    settings.putAll(export);
    return settings;
  }

  /** A new user of the required group. */
  ApiClient user() {
    return server.userIn(List.of());
  }

  ApiClient management() {
    return server.management();
  }

  List<String> messages() {
    return server.messages();
  }

  MetricsReceiver metrics() {
    return metrics;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      metrics.close();
    }
  }

  /** The tests' database with the sample data, and a role that may only read the table. */
  static void grantReader(TestPostgres postgres, String user, String password)
      throws java.sql.SQLException {
    try (var connection = postgres.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
      statement.execute("GRANT SELECT ON public.locations TO " + user);
    }
  }
}
