package io.oteldemo.it.production;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.devdata.SampleLocations;
import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import io.oteldemo.testing.Await;
import io.oteldemo.testing.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application with its location store in PostgreSQL, through Liberty's dataSource: {@code
 * /db/*} and the embedded worker read the database (the server has no Recorder files) and answer
 * what the Recorder server of the other tests answers from the same sample data; a database that is
 * down, refuses the reads or is slow gives 503s with our error body, fails jobs saying so, leaks no
 * connection and leaves readiness alone; the password is nowhere.
 */
class PostgresStoreIT {

  private static final String READER = "locations_reader";
  private static final String PASSWORD = "reader-" + Long.toHexString(System.nanoTime());
  // The pool's one series, as Liberty names it, and its counts (docs/METRICS.md, From elsewhere).
  private static final Map<String, String> POOL =
      Map.of("io.openliberty.datasource.name", "jdbc/locations");
  private static final String CONNECTIONS = "io.openliberty.connection_pool.connection.count";
  private static final String FREE = "io.openliberty.connection_pool.connection.free";
  private static final String HANDLES = "io.openliberty.connection_pool.handle.count";
  private static final String EVERY_LOCATION = "/db/locations?limit=100&sort=created_at&offset=";

  private static TestPostgres postgres;
  private static PostgresStoreServer server;

  @BeforeAll
  static void start() throws SQLException {
    postgres = TestPostgres.start();
    try (Connection connection = postgres.dataSource().getConnection()) {
      SampleLocations.load(
          connection, Path.of(System.getProperty("it.sample.data", "sample-data")));
    }
    PostgresStoreServer.grantReader(postgres, READER, PASSWORD);
    server = new PostgresStoreServer(postgres.url(), READER, PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void statusIsConnectedWithTheDatabaseAndItsVersionOnly() {
    ApiClient.Answer status = server.user().get("/db/status");
    assertEquals(200, status.status(), status::toString);
    JsonObject body = status.json();
    assertEquals("connected", body.getString("status"));
    assertEquals("owntracks", body.getString("database"));
    assertTrue(body.getString("server_version").startsWith("PostgreSQL 16."), body::toString);
    assertFalse(body.containsKey("host") || body.containsKey("port"), "no address: " + body);
    assertFalse(status.body().contains(PASSWORD), "no password");
  }

  @Test
  void everyLocationIsTheRecorderStoresOnEveryPage() {
    Set<JsonObject> fromDatabase = everyLocation(server.user());
    Set<JsonObject> fromFiles = everyLocation(new ApiClient());
    assertEquals(390, fromDatabase.size(), "every sample location once");
    assertEquals(fromFiles, fromDatabase, "the same locations as the Recorder store's");
  }

  @Test
  void aJobComputesFromTheDatabaseWhatItComputesFromTheFiles() {
    String request = "{\"date\":\"2026-01-24\"}";
    ApiClient database = server.user();
    ApiClient files = new ApiClient();
    JsonObject fromDatabase =
        JobPolling.awaitFinished(database, JobPolling.submit(database, request));
    JsonObject fromFiles = JobPolling.awaitFinished(files, JobPolling.submit(files, request));
    assertEquals("completed", fromDatabase.getString("status"), fromDatabase::toString);
    assertEquals(metrics(fromFiles), metrics(fromDatabase), "every metric");
    String csv = fromDatabase.getJsonObject("result").getString("csv_download_url");
    assertEquals(files.get(csv).body(), database.get(csv).body(), "the CSV");
  }

  @Test
  void aDatabaseThatIsDownAnswers503FailsJobsAndLeavesReadinessAlone() {
    ApiClient user = server.user();
    postgres.stop();
    try {
      assertError(user.get("/db/status"), 503, "SERVICE_UNAVAILABLE");
      assertError(user.get(EVERY_LOCATION + "0"), 503, "SERVICE_UNAVAILABLE");
      JsonObject job =
          JobPolling.awaitFinished(user, JobPolling.submit(user, "{\"date\":\"2026-01-25\"}"));
      assertEquals("failed", job.getString("status"), job::toString);
      assertEquals(
          "processing failed: the location store is unavailable", job.getString("error_message"));
      assertEquals(200, server.management().get("/health/ready").status(), "still ready");
    } finally {
      postgres.restart();
    }
    assertEquals(200, user.get("/db/status").status(), "answers again once the database is back");
    assertPasswordInNoLog();
  }

  @Test
  void thePoolsMetricsAreExportedAsTheDocumentSays() throws IOException {
    List<MetricsCatalogueIT.Row> rows = MetricsCatalogueIT.catalogue("From elsewhere");
    MetricsReceiver metrics = server.metrics();
    ApiClient user = server.user();
    // Each status read takes a connection (a page's count would be cached, and another test needs
    // its device's count uncached).
    for (int i = 0; i < 5; i++) {
      assertEquals(200, user.get("/db/status").status());
    }
    metrics.awaitCurrent();
    assertTrue(
        rows.size() >= 4,
        () -> "the pool's rows in docs/METRICS.md: " + rows + "; received " + poolPoints(metrics));
    for (MetricsCatalogueIT.Row row : rows) {
      List<OtlpMetrics.Point> points = MetricsCatalogueIT.assertEmittedAsTheRowSays(metrics, row);
      assertTrue(
          points.stream().allMatch(point -> point.attributes().equals(POOL)),
          () -> row.name() + "'s points are the pool's one series: " + points);
    }
  }

  @Test
  void aThousandRefusedReadsLeakNoConnection() throws SQLException {
    ApiClient user = server.user();
    revokeReads(true);
    try {
      for (int i = 0; i < 1000; i++) {
        // Each read gets a connection from the pool of five, and fails in the database.
        ApiClient.Answer refused = user.get("/db/locations?device_id=pixel_alex&offset=" + i);
        assertEquals(503, refused.status(), refused::toString);
      }
    } finally {
      revokeReads(false);
    }
    // What an operator sees: no connection handle held, every pooled connection free again.
    MetricsReceiver metrics = server.metrics();
    metrics.awaitCurrent();
    for (String count : List.of(CONNECTIONS, FREE, HANDLES)) {
      assertFalse(metrics.points(count).isEmpty(), () -> count + " is exported");
    }
    assertEquals(
        0,
        Await.value(
            () -> metrics.value(CONNECTIONS, POOL) - metrics.value(FREE, POOL),
            inUse -> inUse == 0,
            Duration.ofSeconds(15)),
        () -> "connections in use after the refused reads: " + poolPoints(metrics));
    assertEquals(
        0,
        metrics.await(HANDLES, POOL, handles -> handles == 0),
        () -> "connection handles held after the refused reads: " + poolPoints(metrics));
    for (int i = 0; i < 10; i++) {
      ApiClient.Answer page = user.get("/db/locations?device_id=pixel_alex&limit=1&offset=" + i);
      assertEquals(200, page.status(), () -> "a connection is free again: " + page);
    }
    assertPasswordInNoLog();
  }

  @Test
  void aSlowDatabaseAnswers503AtTheQueryTimeout() throws SQLException {
    ApiClient user = server.user();
    try (Connection locker = postgres.dataSource().getConnection();
        Statement lock = locker.createStatement()) {
      locker.setAutoCommit(false);
      lock.execute("LOCK TABLE public.locations IN ACCESS EXCLUSIVE MODE");
      assertError(
          user.get("/db/locations?device_id=ipad_stuart&offset=3"), 503, "SERVICE_UNAVAILABLE");
      locker.rollback();
    }
    assertEquals(200, user.get("/db/locations?device_id=ipad_stuart&offset=3").status());
  }

  private void revokeReads(boolean revoke) throws SQLException {
    try (Connection connection = postgres.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          revoke
              ? "REVOKE SELECT ON public.locations FROM " + READER
              : "GRANT SELECT ON public.locations TO " + READER);
    }
  }

  private static void assertPasswordInNoLog() {
    List<String> messages = server.messages();
    assertTrue(
        messages.stream().anyMatch(line -> line.contains("location store")),
        "the failures are in the log");
    assertFalse(
        messages.stream().anyMatch(line -> line.contains(PASSWORD)), "the password in no log line");
  }

  private static Set<JsonObject> everyLocation(ApiClient client) {
    Set<JsonObject> locations = new HashSet<>();
    for (int offset = 0; offset < 400; offset += 100) {
      ApiClient.Answer page = client.get(EVERY_LOCATION + offset);
      assertEquals(200, page.status(), page::toString);
      assertEquals(390, page.json().getInt("total"), "the total on every page");
      page.json()
          .getJsonArray("locations")
          .getValuesAs(JsonObject.class)
          .forEach(location -> locations.add(without(location, "id")));
    }
    return locations;
  }

  /** Liberty's metrics as received, for the failure messages. */
  private static List<OtlpMetrics.Point> poolPoints(MetricsReceiver metrics) {
    return metrics.names().stream()
        .filter(name -> name.startsWith("io.openliberty"))
        .flatMap(name -> metrics.points(name).stream())
        .toList();
  }

  private static JsonObject metrics(JsonObject job) {
    return without(job.getJsonObject("result"), "processing_time_ms");
  }

  private static JsonObject without(JsonObject object, String name) {
    JsonObjectBuilder copy = Json.createObjectBuilder(object);
    copy.remove(name);
    return copy.build();
  }
}
