package io.oteldemo.it.production;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.TestTokens;
import io.oteldemo.testing.Await;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Liberty server with settings of its own (a {@code DEVICE_ACCESS} policy, a beta rollout of the
 * distance API), made like the production-like one (the project's server.xml and WAR, settings from
 * the environment) but with the embedded worker and no Redis, as these settings need neither. They
 * are servers of their own because on the others every token carries the required group, and their
 * tests need that group to calculate every device with the API on for everyone.
 */
final class SettingsServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final LibertyServer liberty;
  private final URI baseUri;
  private final URI managementUri;

  private SettingsServer(String name, Map<String, String> settings, Map<Path, String> files) {
    Path build = Path.of(System.getProperty("it.build.dir", "target"));
    ServerPorts ports = ServerPorts.free();
    baseUri = ports.baseUri();
    managementUri = ports.managementUri();
    liberty = new LibertyServer(build.resolve("liberty/wlp"), name);
    liberty.create(
        Path.of(System.getProperty("it.server.xml")),
        Path.of(System.getProperty("it.war")),
        environment(build.resolve(name + "-csv"), settings),
        ports.bootstrapProperties(),
        ProductionServer.jvmOptions(ports, build));
    files.forEach(liberty::addFile);
    liberty.start();
  }

  /** A server with these settings, ready to answer. */
  static SettingsServer ready(String name, Map<String, String> settings) {
    return ready(name, settings, Map.of());
  }

  /**
   * A server with these settings and these files added to its folder (the file, and its path
   * there), as a deployment adds them to the image; ready to answer.
   */
  static SettingsServer ready(String name, Map<String, String> settings, Map<Path, String> files) {
    SettingsServer server = new SettingsServer(name, settings, files);
    try {
      ProductionServer.awaitReady(server.managementUri);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** A server with these settings, once Liberty has started, whatever became of the app. */
  static SettingsServer launched(String name, Map<String, String> settings) {
    return new SettingsServer(name, settings, Map.of());
  }

  /**
   * The environment of a server made like a deployment: the embedded worker on the sample data, the
   * tests' issuer, no exporters; then {@code settings}, which win.
   */
  static Map<String, String> environment(Path csv, Map<String, String> settings) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DISTANCE_SERVICE_ENDPOINT", "embedded");
    env.put("LOCATION_DATA_PATH", System.getProperty("it.location.data.path"));
    env.put("CSV_STORAGE_PATH", csv.toAbsolutePath().toString());
    env.put("AWS_REGION", System.getProperty("it.aws.region"));
    env.put("COGNITO_USER_POOL_ID", System.getProperty("it.user.pool"));
    env.put("COGNITO_CLIENT_ID", System.getProperty("it.client.ids"));
    env.put("AUTH_REQUIRED_GROUP", TestTokens.REQUIRED_GROUP);
    env.put(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        Path.of(System.getProperty("it.issuer.dir"), "jwks.json").toUri().toString());
    env.put("OTEL_TRACES_EXPORTER", "none");
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.putAll(settings);
    return env;
  }

  /** A new user of the required group who is also in these groups. */
  ApiClient userIn(List<String> groups) {
    Map<String, Object> claims = TestTokens.accessClaims(TestTokens.newUser());
    List<String> all = new ArrayList<>(List.of(TestTokens.REQUIRED_GROUP));
    all.addAll(groups);
    claims.put("cognito:groups", all);
    return ApiClient.of(baseUri, TestTokens.sign(claims));
  }

  ApiClient anonymous() {
    return ApiClient.of(baseUri, null);
  }

  ApiClient management() {
    return ApiClient.of(managementUri, null);
  }

  List<String> messages() {
    return liberty.messages();
  }

  /** The first line of messages.log with this text, waiting for it while the server starts. */
  String awaitMessage(String text) {
    return Await.value(
            () -> messages().stream().filter(message -> message.contains(text)).findFirst(),
            Optional::isPresent,
            START_TIMEOUT)
        .orElseThrow(
            () -> new AssertionError("no '" + text + "' in messages.log within " + START_TIMEOUT));
  }

  @Override
  public void close() {
    liberty.stop();
  }
}
