package io.oteldemo.deploy.monitoring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.oteldemo.deploy.ProjectFiles;
import io.oteldemo.deploy.kubernetes.TypedObjects;
import io.oteldemo.deploy.kubernetes.YamlDocument;
import io.oteldemo.deploy.monitoring.GrafanaDashboard.Query;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard and the alert rules in kubernetes/extras query only metrics we emit, under the
 * names Prometheus gives them (docs/METRICS.md's catalogue), so a renamed metric cannot leave a
 * panel or an alert silently empty; the rules file is a PrometheusRule the Prometheus Operator
 * accepts, and every alert leads to its runbook in docs/OPERATIONS.md.
 */
class MonitoringFilesTest {

  static final Path RULES = Path.of("kubernetes/extras/prometheus-rules.yaml");
  static final Path OPERATIONS = Path.of("docs/OPERATIONS.md");

  @Test
  void theDashboardQueriesOnlyCataloguedMetrics() {
    List<Query> queries = GrafanaDashboard.read().queries();
    assertFalse(queries.isEmpty(), GrafanaDashboard.FILE + " should hold queries");
    assertAll(queries.stream().map(query -> onlyCatalogued(GrafanaDashboard.FILE, query)));
  }

  @Test
  void theAlertsQueryOnlyCataloguedMetrics() {
    List<Rule> rules = alertRules();
    assertFalse(rules.isEmpty(), RULES + " should hold alerts");
    assertAll(
        rules.stream()
            .map(
                rule ->
                    onlyCatalogued(
                        RULES, new Query("alert " + rule.getAlert(), rule.getExpr().getStrVal()))));
  }

  @Test
  void theRulesFileIsAValidPrometheusRule() {
    YamlDocument document = YamlDocument.readAll(RULES).get(0);
    HasMetadata object = TypedObjects.read(document.describe(), document.content());

    assertInstanceOf(PrometheusRule.class, object, RULES + " should be a PrometheusRule");
    assertEquals("monitoring.coreos.com/v1", object.getApiVersion());
    assertEquals(List.of(), TypedObjects.problems(object), document.describe());
    assertAll(alertRules().stream().map(MonitoringFilesTest::describedAlert));
  }

  @Test
  void theSchemaCheckFindsAMisspeltFieldInAnAlert() {
    YamlDocument document =
        YamlDocument.parse(
                Path.of("example.yaml"),
                """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: {name: x}
        spec:
          groups:
            - name: x
              rules:
                - alert: X
                  expr: up == 0
                  anotations: {summary: down}
        """)
            .get(0);

    assertEquals(
        List.of("PrometheusRule.spec.groups[0].rules[0].anotations is not a field of Rule"),
        TypedObjects.problems(TypedObjects.read(document.describe(), document.content())));
  }

  @Test
  void everyAlertLeadsToItsRunbookInTheOperationsGuide() {
    Set<String> anchors = MarkdownAnchors.of(ProjectFiles.readString(OPERATIONS));
    assertAll(
        alertRules().stream()
            .map(
                rule ->
                    () -> {
                      URI runbook =
                          URI.create(rule.getAnnotations().getOrDefault("runbook_url", ""));
                      String where = "alert " + rule.getAlert() + "'s runbook_url " + runbook;
                      assertTrue(
                          runbook.getPath() != null && runbook.getPath().endsWith("/" + OPERATIONS),
                          where + " should point into " + OPERATIONS);
                      assertTrue(
                          anchors.contains(runbook.getFragment()),
                          where
                              + " should name a section of "
                              + OPERATIONS
                              + ", one of "
                              + anchors);
                    }));
  }

  @Test
  void everyDashboardPanelHasTheDatasourceVariableAndAQuery() {
    GrafanaDashboard dashboard = GrafanaDashboard.read();
    assertTrue(
        dashboard.variables().stream()
            .anyMatch(
                variable ->
                    variable.path("name").asString("").equals("datasource")
                        && variable.path("type").asString("").equals("datasource")
                        && variable.path("query").asString("").equals("prometheus")),
        GrafanaDashboard.FILE + " should let the Prometheus datasource be chosen ($datasource)");
    List<JsonNode> panels = dashboard.dataPanels();
    assertFalse(panels.isEmpty(), GrafanaDashboard.FILE + " should hold panels");
    assertAll(
        panels.stream()
            .map(
                panel ->
                    () -> {
                      String where = "panel '" + panel.path("title").asString() + "'";
                      assertEquals(
                          "${datasource}",
                          panel.path("datasource").path("uid").asString(""),
                          where + " should read from the chosen datasource");
                      assertFalse(panel.path("targets").isEmpty(), where + " should have a query");
                      panel
                          .path("targets")
                          .forEach(
                              target ->
                                  assertFalse(
                                      target.path("expr").asString("").isBlank(),
                                      where + " has a target without an expression"));
                    }));
  }

  @Test
  void theNameCheckFindsAMetricWeDoNotEmit() {
    // Without its unit suffix: the OpenTelemetry name, not the one Prometheus holds.
    Set<String> unknown =
        unknownNames(
            "histogram_quantile(0.95, sum by (le) (rate(distance_worker_calls_bucket[5m])))"
                + " / on (job) group_left distance_jobs_submitted_total");

    assertEquals(Set.of("distance_worker_calls_bucket"), unknown);
  }

  @Test
  void theCatalogueHoldsHistogramSeriesAndTheNamesFromElsewhere() {
    Set<String> catalogue = MetricCatalogue.prometheusNames();

    assertTrue(catalogue.contains("http_server_request_duration_seconds_bucket"), "" + catalogue);
    assertTrue(catalogue.contains("distance_jobs_submitted_total"), "" + catalogue);
    assertTrue(catalogue.contains("kube_pod_container_status_restarts_total"), "" + catalogue);
    assertFalse(
        catalogue.contains("http_server_request_duration_seconds"),
        "a histogram exists in Prometheus only as its _bucket, _sum and _count series");
  }

  private static Executable onlyCatalogued(Path file, Query query) {
    return () -> {
      assertFalse(
          PromQl.metricNames(query.expression()).isEmpty(),
          file + " " + query.where() + " should query a metric: " + query.expression());
      assertEquals(
          Set.of(),
          unknownNames(query.expression()),
          file
              + " "
              + query.where()
              + " queries metrics that "
              + MetricCatalogue.FILE
              + " does not list (as named in Prometheus): "
              + query.expression());
    };
  }

  private static Set<String> unknownNames(String expression) {
    Set<String> unknown = new TreeSet<>(PromQl.metricNames(expression));
    unknown.removeAll(MetricCatalogue.prometheusNames());
    return unknown;
  }

  private static Executable describedAlert(Rule rule) {
    return () -> {
      String where = RULES + " alert " + rule.getAlert();
      assertNotNull(rule.getAlert(), RULES + ": every rule should be an alert");
      assertFalse(rule.getExpr().getStrVal().isBlank(), where + " should have an expression");
      assertTrue(
          Set.of("critical", "warning", "info")
              .contains(labels(rule.getLabels()).getOrDefault("severity", "")),
          where + " should have a severity label (critical, warning or info)");
      Map<String, String> annotations = labels(rule.getAnnotations());
      Stream.of("summary", "description", "runbook_url")
          .forEach(
              name ->
                  assertFalse(
                      annotations.getOrDefault(name, "").isBlank(),
                      where + " should have the annotation " + name));
      assertTrue(
          rule.getFor() != null && rule.getFor().matches("(\\d+[smhd])+"),
          where + " should wait (for:) before it fires");
    };
  }

  private static Map<String, String> labels(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  private static List<Rule> alertRules() {
    YamlDocument document = YamlDocument.readAll(RULES).get(0);
    PrometheusRule rules =
        (PrometheusRule) TypedObjects.read(document.describe(), document.content());
    return rules.getSpec().getGroups().stream()
        .flatMap(group -> group.getRules().stream())
        .toList();
  }
}
