package io.oteldemo.it.production;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.TestTokens;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Liberty server with a {@code DEVICE_ACCESS} policy, made like the production-like one (the
 * project's server.xml and WAR, settings from the environment) but with the embedded worker and no
 * Redis, as the policy needs neither. It is a server of its own because on the others every token
 * carries the required group, and their tests need that group to calculate every device.
 */
final class DeviceAccessServer implements AutoCloseable {

  private final LibertyServer liberty;
  private final URI baseUri;
  private final URI managementUri;

  private DeviceAccessServer(String name, String deviceAccess) {
    Path build = Path.of(System.getProperty("it.build.dir", "target"));
    ServerPorts ports = ServerPorts.free();
    baseUri = ports.baseUri();
    managementUri = ports.managementUri();
    liberty = new LibertyServer(build.resolve("liberty/wlp"), name);
    liberty.create(
        Path.of(System.getProperty("it.server.xml")),
        Path.of(System.getProperty("it.war")),
        environment(build.resolve(name + "-csv"), deviceAccess),
        ports.bootstrapProperties(),
        ProductionServer.jvmOptions(ports, build));
    liberty.start();
  }

  /** A server with this policy, ready to answer. */
  static DeviceAccessServer ready(String name, String deviceAccess) {
    DeviceAccessServer server = new DeviceAccessServer(name, deviceAccess);
    try {
      ProductionServer.awaitReady(server.managementUri);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** A server with this policy, once Liberty itself has started, whatever became of the app. */
  static DeviceAccessServer launched(String name, String deviceAccess) {
    return new DeviceAccessServer(name, deviceAccess);
  }

  private static Map<String, String> environment(Path csv, String deviceAccess) {
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
    env.put("DEVICE_ACCESS", deviceAccess);
    env.put("OTEL_TRACES_EXPORTER", "none");
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_LOGS_EXPORTER", "none");
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

  @Override
  public void close() {
    liberty.stop();
  }
}
