package io.oteldemo.it.production;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.TestTokens;
import io.oteldemo.testing.Await;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second Liberty server, configured as a deployment configures the container image: the project's
 * server.xml and WAR, settings only from the environment, a real gRPC worker endpoint (the {@link
 * TestWorker}, which the tests can break), proxied downloads from the worker's HTTP endpoint, a
 * Cognito-shaped issuer whose JWKS is fetched over HTTP, and the build's Redis. The fault-tolerance
 * policies are tightened through their standard properties, given as environment variables, so that
 * the tests see them act within seconds:
 *
 * <ul>
 *   <li>gRPC deadline 1 s ({@code DISTANCE_SERVICE_TIMEOUT}), {@code @Timeout} 1.5 s;
 *   <li>{@code calculate}, {@code jobStatus} and the download's breakers: a window of 4 calls,
 *       opening at 50 % failures, open for 3 s, closing after 1 trial success;
 *   <li>{@code listJobs}'s breaker opens only when 50 calls in a row fail, so that its retries can
 *       be counted exactly;
 *   <li>retries: 2, 100 ms ± 50 ms apart; {@code jobStatus}'s bulkhead: 2 concurrent calls;
 *   <li>a class-level bulkhead of 1, which Liberty does not apply to the methods' annotations.
 * </ul>
 */
public final class ProductionServer implements ExtensionContext.Store.CloseableResource {

  static final Duration BREAKER_DELAY = Duration.ofSeconds(3);
  static final int BULKHEAD = 2;
  static final String CORS_ORIGIN = "https://ui.example.com";
  private static final String CLIENT = "io.oteldemo.worker.GrpcDistanceWorkerClient";
  private static final String DOWNLOADS = "io.oteldemo.download.WorkerDownloadClient";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final TestWorker worker;
  private final MetricsReceiver metrics = new MetricsReceiver();
  private final SpanReceiver spans = new SpanReceiver();
  private final IssuerEndpoint issuer;
  private final LibertyServer liberty;
  private final URI baseUri;
  private final URI managementUri;
  private final boolean ownsWorkerAndIssuer;

  private ProductionServer(
      String name,
      TestWorker worker,
      IssuerEndpoint issuer,
      Map<String, String> redis,
      Map<String, String> overrides,
      boolean ownsWorkerAndIssuer) {
    this.worker = worker;
    this.issuer = issuer;
    this.ownsWorkerAndIssuer = ownsWorkerAndIssuer;
    Path build = build();
    ServerPorts ports = ServerPorts.free();
    baseUri = ports.baseUri();
    managementUri = ports.managementUri();
    liberty = new LibertyServer(build.resolve("liberty/wlp"), name);
    Map<String, String> environment = environment(redis);
    environment.putAll(overrides);
    liberty.create(
        Path.of(System.getProperty("it.server.xml")),
        Path.of(System.getProperty("it.war")),
        environment,
        ports.bootstrapProperties(),
        jvmOptions(ports, build, name.replace("otel-demo-", "")));
    liberty.start();
    awaitReady(managementUri);
  }

  static ProductionServer start() {
    TestWorker worker = newWorker("production-csv");
    return new ProductionServer(
        "otel-demo-production",
        worker,
        newIssuer(),
        Map.of("REDIS_URL", "redis://127.0.0.1:" + System.getProperty("it.redis.port") + "/1"),
        Map.of(),
        true);
  }

  /**
   * A replica of a deployment of several: its own server, sharing the given worker, issuer and
   * Redis with the others, which outlive it.
   */
  static ProductionServer replica(
      String name,
      TestWorker worker,
      IssuerEndpoint issuer,
      Map<String, String> redis,
      Map<String, String> overrides) {
    return new ProductionServer(name, worker, issuer, redis, overrides, false);
  }

  static TestWorker newWorker(String csvDirectory) {
    TestWorker worker =
        new TestWorker(
            Path.of(System.getProperty("it.location.data.path")), build().resolve(csvDirectory));
    worker.start();
    return worker;
  }

  static IssuerEndpoint newIssuer() {
    return new IssuerEndpoint(
        System.getProperty("it.user.pool"),
        Path.of(System.getProperty("it.issuer.dir"), "jwks.json"));
  }

  private static Path build() {
    return Path.of(System.getProperty("it.build.dir", "target"));
  }

  /** What a Kubernetes ConfigMap and Secret would give the container. */
  private Map<String, String> environment(Map<String, String> redis) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DISTANCE_SERVICE_ENDPOINT", worker.grpcTarget());
    env.put("DISTANCE_WORKER_HTTP_URL", worker.downloads().url());
    env.put("DISTANCE_SERVICE_TIMEOUT", "1");
    env.put("AWS_REGION", System.getProperty("it.aws.region"));
    env.put("COGNITO_USER_POOL_ID", System.getProperty("it.user.pool"));
    env.put("COGNITO_CLIENT_ID", System.getProperty("it.client.ids"));
    env.put("AUTH_REQUIRED_GROUP", System.getProperty("it.required.group"));
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer.jwksUrl());
    env.putAll(redis);
    env.put("RATE_LIMIT_CALCULATE", "600");
    env.put("RATE_LIMIT_STATUS", "6000");
    env.put("RATE_LIMIT_DOWNLOAD", "600");
    // The list reads the worker's list for any unfinished job, so its faults can be injected.
    env.put("JOB_LIST_STATUS_CALLS", "0");
    env.put("CORS_ALLOWED_ORIGINS", CORS_ORIGIN);
    // The operator's opt-in to the worker's address in /health/ready (ProductionConfigurationIT).
    env.put("HEALTH_REPORT_TARGETS", "true");
    // As kubernetes/base/config.env: OpenTelemetry on for the whole runtime, so Liberty's JVM
    // metrics are exported too (an application-level SDK gets no runtime telemetry).
    env.put("OTEL_SDK_DISABLED", "false");
    env.put("OTEL_SERVICE_NAME", "otel-demo");
    // Spans to messages.log (TracePropagationIT reads them there) and, with their parents, status
    // and events, to the receiver in this JVM, in batches every 100 ms.
    env.put("OTEL_TRACES_EXPORTER", "logging,otlp");
    env.put("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
    env.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", spans.endpoint());
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    // Metrics to the receiver in this JVM.
    env.putAll(metrics.exportSettings());
    env.put("OTEL_LOGS_EXPORTER", "none");
    for (String method :
        List.of(
            CLIENT + "/calculate",
            CLIENT + "/jobStatus",
            CLIENT + "/listJobs",
            DOWNLOADS + "/open")) {
      put(env, method + "/Timeout/value", "1500");
      put(env, method + "/CircuitBreaker/requestVolumeThreshold", "4");
      put(env, method + "/CircuitBreaker/delay", String.valueOf(BREAKER_DELAY.toMillis()));
      put(env, method + "/CircuitBreaker/successThreshold", "1");
      put(env, method + "/Retry/delay", "100");
      put(env, method + "/Retry/jitter", "50");
    }
    put(env, CLIENT + "/listJobs/CircuitBreaker/requestVolumeThreshold", "50");
    put(env, CLIENT + "/listJobs/CircuitBreaker/failureRatio", "1.0");
    put(env, CLIENT + "/jobStatus/Bulkhead/value", String.valueOf(BULKHEAD));
    // A class's property, which must not reach the methods' own annotations (see WorkerFaultsIT).
    put(env, CLIENT + "/Bulkhead/value", "1");
    return env;
  }

  /** A MicroProfile Config property as an environment variable (MicroProfile Config's mapping). */
  private static void put(Map<String, String> env, String property, String value) {
    env.put(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), value);
  }

  /** The ports as MicroProfile Config values, and the coverage agent when the build has it. */
  static List<String> jvmOptions(ServerPorts ports, Path build) {
    return jvmOptions(ports, build, "production");
  }

  /** The same, the coverage data in a file of the server's own name. */
  static List<String> jvmOptions(ServerPorts ports, Path build, String coverageName) {
    List<String> options = new ArrayList<>(ports.jvmOptions());
    String agent = System.getProperty("it.jacoco.agent");
    if (agent != null && Files.exists(Path.of(agent))) {
      options.add(
          "-javaagent:"
              + agent
              + "=destfile="
              + build.resolve("jacoco-" + coverageName + ".exec").toAbsolutePath()
              + ",includes=io.oteldemo.*,excludes=io.oteldemo.worker.proto.*");
    }
    return options;
  }

  /**
   * Waits until the server whose management port is at this address is ready, or fails after {@code
   * START_TIMEOUT}.
   */
  static void awaitReady(URI managementUri) {
    ApiClient anonymous = ApiClient.of(managementUri, null);
    Await.until(
        () -> ready(anonymous),
        START_TIMEOUT,
        "The server at " + managementUri + " is not ready; see its logs/messages.log");
  }

  private static boolean ready(ApiClient management) {
    try {
      return management.get("/health/ready").status() == 200;
    } catch (AssertionError notYet) {
      return false; // not listening yet
    }
  }

  /** A client authenticated as a new user of the required group. */
  public ApiClient newUser() {
    return ApiClient.of(baseUri, TestTokens.accessToken(TestTokens.newUser()));
  }

  public ApiClient anonymous() {
    return ApiClient.of(baseUri, null);
  }

  /** An anonymous client of the management port (MicroProfile Health). */
  public ApiClient management() {
    return ApiClient.of(managementUri, null);
  }

  public ApiClient withToken(String token) {
    return ApiClient.of(baseUri, token);
  }

  TestWorker worker() {
    return worker;
  }

  MetricsReceiver metrics() {
    return metrics;
  }

  SpanReceiver spans() {
    return spans;
  }

  List<String> messages() {
    return liberty.messages();
  }

  /**
   * Back to a healthy worker with every breaker closed and its window full of successes, so that a
   * test's counts do not depend on the tests before it.
   */
  void settle() {
    worker.faults().clear();
    worker.downloads().clear();
    worker.start();
    ApiClient user = newUser();
    // Never read by itself, so never kept: every list asks the worker about it.
    untilAnswered(() -> user.postJson("/api/distance/calculate", "{\"date\":\"2026-01-25\"}"), 202);
    for (int i = 0; i < 4; i++) {
      // A new device each time: an identical request would be coalesced, not sent to the worker.
      String job =
          untilAnswered(
                  () ->
                      user.postJson(
                          "/api/distance/calculate",
                          "{\"date\":\"2025-06-15\",\"device_id\":\"settle_"
                              + TestTokens.newUser().replace('-', '_')
                              + "\"}"),
                  202)
              .json()
              .getString("job_id");
      // A job not read before: a finished one is answered from the registry, not the worker.
      untilAnswered(() -> user.get("/api/distance/jobs/" + job), 200);
      untilAnswered(() -> user.get("/api/distance/jobs"), 200);
      // The user's own file: only an owner's download reaches the worker's HTTP endpoint.
      untilAnswered(() -> user.get("/api/distance/download/distance_20260125.csv"), 200);
    }
    worker.faults().clear();
    worker.downloads().clear();
  }

  /** Repeats a request while the breakers are still open, until it gets the expected status. */
  private static ApiClient.Answer untilAnswered(Supplier<ApiClient.Answer> request, int status) {
    ApiClient.Answer answer = poll(request, status, BREAKER_DELAY.multipliedBy(5));
    if (answer.status() != status) {
      throw new AssertionError("The production-like server did not recover: " + answer);
    }
    return answer;
  }

  /** Repeats a request until it gets the status or the time is up; the last answer. */
  static ApiClient.Answer poll(Supplier<ApiClient.Answer> request, int status, Duration within) {
    return Await.value(request, answer -> answer.status() == status, within);
  }

  @Override
  public void close() {
    try {
      liberty.stop();
    } finally {
      metrics.close();
      spans.close();
      if (ownsWorkerAndIssuer) {
        worker.close();
        issuer.close();
      }
    }
  }
}
