package io.oteldemo.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import io.oteldemo.it.JobPolling;
import io.oteldemo.it.TestTokens;
import io.oteldemo.testing.Await;
import io.oteldemo.testing.MarkdownSections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric of the catalogue in docs/METRICS.md, ours and Liberty's, is emitted by the server
 * with the kind, unit and attributes the table gives: the dashboard and the alert rules query only
 * what the table lists, so a row that nothing emits would be a panel that stays empty.
 */
@ExtendWith(ProductionLikeDeployment.class)
class MetricsCatalogueIT {

  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z0-9_.]+)` \\| ([a-z]+) \\| `([^`]+)` \\| ([^|]*) \\|");
  private static final Pattern CODE = Pattern.compile("`([a-z0-9_.]+)`");

  /** One row of the catalogue. */
  record Row(String name, String kind, String unit, List<String> attributes) {}

  private final ProductionServer server;
  private final MetricsReceiver metrics;

  MetricsCatalogueIT(ProductionServer server) {
    this.server = server;
    this.metrics = server.metrics();
  }

  @Test
  void everyMetricOfTheCatalogueIsEmittedAsTheTableSays() throws IOException {
    List<Row> rows = catalogue("Catalogue");
    assertTrue(rows.size() >= 13, () -> "the catalogue's rows: " + rows);
    String sub = driveEveryOutcome();

    for (Row row : rows) {
      List<OtlpMetrics.Point> points = assertEmittedAsTheRowSays(metrics, row);
      if (row.name().startsWith("distance.")) {
        assertTrue(
            points.stream()
                .flatMap(point -> point.attributes().values().stream())
                .noneMatch(value -> value.contains(sub)),
            () -> row.name() + " names no user: " + points);
      }
    }
  }

  /**
   * A job, its status and list, a download, a rejection, a refused request, a Redis outage, a
   * worker call, a deliberate error.
   */
  private String driveEveryOutcome() {
    server.settle();
    String sub = TestTokens.newUser();
    ApiClient user = server.withToken(TestTokens.accessToken(sub));
    String job = JobPolling.submit(user, "{\"date\":\"2026-01-25\"}");
    JobPolling.awaitFinished(user, job);
    assertEquals(200, user.get("/api/distance/download/distance_20260125.csv").status());
    assertEquals(400, user.postJson("/api/distance/calculate", "{}").status());
    assertEquals(500, user.get("/error").status());
    ApiClient.Answer refused =
        user.send(user.request("/health").header("Accept", ";;;").GET().build());
    assertEquals(400, refused.status(), () -> "a malformed Accept: " + refused);
    MetricsIT.withRedisDown(server, () -> user.get("/api/distance/jobs/" + job));
    metrics.awaitCurrent();
    return sub;
  }

  /**
   * The row's points once the receiver has them (at most 10 s), checked against the row: the
   * metric's unit and kind, and each attribute on one of its points at least.
   */
  static List<OtlpMetrics.Point> assertEmittedAsTheRowSays(MetricsReceiver metrics, Row row) {
    List<OtlpMetrics.Point> points =
        Await.value(
            () -> metrics.points(row.name()), found -> !found.isEmpty(), Duration.ofSeconds(10));
    assertFalse(
        points.isEmpty(), () -> row.name() + " is not emitted; received " + metrics.names());
    OtlpMetrics.Point first = points.get(0);
    assertEquals(row.unit(), first.unit(), () -> row.name() + "'s unit");
    assertEquals(
        row.kind(), first.kind().name().toLowerCase(Locale.ROOT), () -> row.name() + "'s kind");
    for (String attribute : row.attributes()) {
      assertTrue(
          points.stream().anyMatch(point -> point.attributes().containsKey(attribute)),
          () -> row.name() + " has no point with " + attribute + ": " + points);
    }
    return points;
  }

  /**
   * The rows of the tables in one section of docs/METRICS.md ({@code ## section}): "Catalogue" for
   * this server's, "From elsewhere" for the connection pool's, which only a server with a database
   * exports ({@code PostgresStoreIT}).
   */
  static List<Row> catalogue(String section) throws IOException {
    List<Row> rows = new ArrayList<>();
    String metrics = Files.readString(Path.of("docs", "METRICS.md"));
    for (String line : MarkdownSections.lines(metrics, section)) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        List<String> attributes = new ArrayList<>();
        Matcher code = CODE.matcher(row.group(4));
        while (code.find()) {
          attributes.add(code.group(1));
        }
        rows.add(new Row(row.group(1), row.group(2), row.group(3), attributes));
      }
    }
    return rows;
  }
}
