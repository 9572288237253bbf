package io.oteldemo.deploy.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.deploy.kubernetes.YamlDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The example Collector receives OTLP on the standard ports and produces the Prometheus names
 * docs/METRICS.md documents, which the dashboard and the alerts query: the prometheus exporter with
 * its suffixes on and no resource attributes turned into labels.
 */
class CollectorExampleTest {

  static final Path FILE = Path.of("kubernetes/extras/otel-collector.yaml");

  @Test
  void receivesOtlpOnGrpcAndHttp() {
    JsonNode protocols = config().path("receivers").path("otlp").path("protocols");

    assertTrue(endpoint(protocols.path("grpc")).endsWith(":4317"), FILE + " OTLP/gRPC on 4317");
    assertTrue(endpoint(protocols.path("http")).endsWith(":4318"), FILE + " OTLP/HTTP on 4318");
  }

  @Test
  void sendsMetricsToPrometheusAndTracesOverOtlpBehindTheMemoryLimiter() {
    JsonNode pipelines = config().path("service").path("pipelines");

    assertPipeline(pipelines.path("metrics"), "prometheus");
    assertPipeline(pipelines.path("traces"), "otlp");
  }

  @Test
  void keepsTheDocumentedNameConversion() {
    JsonNode prometheus = config().path("exporters").path("prometheus");

    assertFalse(prometheus.isMissingNode(), FILE + " should configure the prometheus exporter");
    assertFalse(
        prometheus.path("resource_to_telemetry_conversion").path("enabled").asBoolean(false),
        "resource attributes as labels would add labels the queries do not expect");
    assertTrue(
        prometheus.path("add_metric_suffixes").asBoolean(true),
        "without suffixes no name would be the documented one (_seconds, _bytes, _total)");
    assertEquals(
        "UnderscoreEscapingWithSuffixes",
        prometheus.path("translation_strategy").asString("UnderscoreEscapingWithSuffixes"),
        "the translation strategy that gives the documented names");
  }

  @Test
  void runsTheContribImage() {
    JsonNode deployment = document("Deployment");
    String image =
        deployment
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .get(0)
            .path("image")
            .asString("");

    assertTrue(
        image.startsWith("otel/opentelemetry-collector-contrib:"),
        "the prometheus exporter is in the contrib distribution, not " + image);
  }

  private static void assertPipeline(JsonNode pipeline, String exporterType) {
    List<String> processors = names(pipeline.path("processors"));
    assertEquals(Set.of("otlp"), new TreeSet<>(names(pipeline.path("receivers"))), "receivers");
    assertEquals(
        "memory_limiter", processors.isEmpty() ? "" : processors.get(0), "first processor");
    assertTrue(processors.contains("batch"), "batch processor in " + processors);
    assertTrue(
        names(pipeline.path("exporters")).stream()
            .anyMatch(name -> name.equals(exporterType) || name.startsWith(exporterType + "/")),
        "a " + exporterType + " exporter in " + pipeline);
  }

  private static List<String> names(JsonNode list) {
    return list.valueStream().map(JsonNode::asString).toList();
  }

  private static String endpoint(JsonNode protocol) {
    return protocol.path("endpoint").asString("");
  }

  private static JsonNode config() {
    String text = document("ConfigMap").path("data").path("config.yaml").asString("");
    assertFalse(text.isBlank(), FILE + "'s ConfigMap should hold config.yaml");
    return YAMLMapper.builder().build().readTree(text);
  }

  private static JsonNode document(String kind) {
    return YamlDocument.readAll(FILE).stream()
        .map(YamlDocument::content)
        .filter(content -> content.path("kind").asString("").equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError(FILE + " should hold a " + kind));
  }
}
