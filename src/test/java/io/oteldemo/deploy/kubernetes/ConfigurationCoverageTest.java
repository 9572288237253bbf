package io.oteldemo.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.oteldemo.deploy.DevServerEnv;
import io.oteldemo.distance.DistanceApiSetting;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every setting the application reads is either set for the pods (the ConfigMap, or the Secret
 * whose template is in kubernetes/extras) or has a default in the WAR, so no pod starts on a
 * setting nobody thought about; and nothing is set that the application (or Liberty, or the
 * OpenTelemetry SDK) does not read, which catches misspelt names.
 */
class ConfigurationCoverageTest {

  static final Path SECRET_TEMPLATE = Manifests.ROOT.resolve("extras/otel-demo-secrets.yaml");
  static final Path WORKER_SERVICE =
      Manifests.ROOT.resolve("extras/otel-worker-headless-service.yaml");
  private static final String DNS_SCHEME = "dns:///";

  private static AppSettings settings;
  private static Secret secretTemplate;

  @BeforeAll
  static void read() {
    settings = AppSettings.scan();
    YamlDocument secret = YamlDocument.readAll(SECRET_TEMPLATE).get(0);
    secretTemplate = (Secret) TypedObjects.read(secret.describe(), secret.content());
  }

  @Test
  void theScanFindsTheSettingsWeKnowOf() {
    // Guards the scan itself: were it to find nothing, everything below would pass.
    assertTrue(
        settings
            .read()
            .containsAll(
                Set.of(
                    "DISTANCE_SERVICE_ENDPOINT",
                    "REDIS_URL",
                    "COGNITO_CLIENT_ID",
                    "AWS_REGION",
                    "RATE_LIMIT_CALCULATE",
                    "CSV_STORAGE_PATH")),
        "settings found in the sources: " + settings.read());
    assertTrue(settings.defaulted().contains("DISTANCE_SERVICE_TIMEOUT"));
    assertTrue(!settings.read().contains("VALIDATION_ERROR"), "error codes are not settings");
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void everySettingIsSetOrHasADefault(String overlay) {
    Set<String> missing = new TreeSet<>(settings.read());
    missing.removeAll(settings.defaulted());
    missing.removeAll(configMap(overlay).getData().keySet());
    missing.removeAll(secretTemplate.getStringData().keySet());
    assertEquals(
        Set.of(),
        missing,
        "overlay "
            + overlay
            + ": settings the application reads "
            + "that neither the ConfigMap nor the Secret sets and that have no default in "
            + AppSettings.CONFIG);
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void everyConfiguredNameIsReadBySomething(String overlay) {
    Set<String> unknown = new TreeSet<>(configMap(overlay).getData().keySet());
    unknown.addAll(secretTemplate.getStringData().keySet());
    unknown.removeAll(settings.read());
    unknown.removeIf(name -> name.startsWith("OTEL_") || name.startsWith("WLP_"));
    assertEquals(
        Set.of(),
        unknown,
        "overlay "
            + overlay
            + ": names set for the pods that the "
            + "application does not read (not OTEL_* for the SDK, not WLP_* for Liberty): misspelt?");
  }

  @Test
  void theSecretTemplateHoldsNoValuesAndIsTheOneThePodsUse() {
    assertAll(
        secretTemplate.getStringData().entrySet().stream()
            .map(
                entry ->
                    () ->
                        assertEquals(
                            "",
                            entry.getValue(),
                            SECRET_TEMPLATE
                                + ": "
                                + entry.getKey()
                                + " must stay empty here; real values come from SOPS or a secret store")));
    assertTrue(
        secretTemplate.getData() == null || secretTemplate.getData().isEmpty(),
        SECRET_TEMPLATE + " should have no data");
    Manifests.OVERLAYS.forEach(
        overlay ->
            assertTrue(
                Manifests.rendered(overlay).container().getEnvFrom().stream()
                    .anyMatch(
                        source ->
                            source.getSecretRef() != null
                                && secretTemplate
                                    .getMetadata()
                                    .getName()
                                    .equals(source.getSecretRef().getName())),
                "overlay "
                    + overlay
                    + ": the pods should read the Secret "
                    + secretTemplate.getMetadata().getName()));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theWorkerIsReachedThroughItsHeadlessService(String overlay) {
    String endpoint = configMap(overlay).getData().get("DISTANCE_SERVICE_ENDPOINT");
    assertTrue(
        endpoint.startsWith(DNS_SCHEME),
        "overlay "
            + overlay
            + ": the worker endpoint "
            + "should be a dns:/// target, so that round_robin spreads calls over every worker pod; "
            + "is "
            + endpoint);
    URI target = URI.create("grpc://" + endpoint.substring(DNS_SCHEME.length()));
    YamlDocument document = YamlDocument.readAll(WORKER_SERVICE).get(0);
    Service headless = (Service) TypedObjects.read(document.describe(), document.content());
    assertEquals("None", headless.getSpec().getClusterIP(), WORKER_SERVICE + " is headless");
    assertEquals(
        headless.getMetadata().getName()
            + "."
            + headless.getMetadata().getNamespace()
            + ".svc.cluster.local",
        target.getHost(),
        "the endpoint names that headless Service");
    assertTrue(
        headless.getSpec().getPorts().stream().anyMatch(port -> port.getPort() == target.getPort()),
        "the headless Service should serve port " + target.getPort());
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void noDeveloperDefaultIsConfigured(String overlay) {
    List<String> developerValues = DevServerEnv.read().distinctiveValues();
    assertAll(
        configMap(overlay).getData().entrySet().stream()
            .map(
                entry ->
                    () ->
                        assertTrue(
                            developerValues.stream().noneMatch(entry.getValue()::contains),
                            "overlay "
                                + overlay
                                + ": "
                                + entry.getKey()
                                + "="
                                + entry.getValue()
                                + " is a local-run default from "
                                + DevServerEnv.LOCATION
                                + " "
                                + developerValues)));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theStagedRolloutSwitchStartsTheApiOnInDevAndOffInProd(String overlay) {
    String value = configMap(overlay).getData().get(DistanceApiSetting.SETTING);
    // As OPERATIONS.md, "Staged rollout": prod deploys with the API off and gets to on by a beta
    // group; a value the application refuses fails here too.
    DistanceApiSetting setting = DistanceApiSetting.parse(value);
    assertEquals(
        Map.of("dev", "on", "prod", "off").get(overlay),
        setting.toString(),
        "overlay " + overlay + ": what its pods log they run with, from " + value);
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void infoAndTelemetryNameTheSameEnvironment(String overlay) {
    Map<String, String> data = configMap(overlay).getData();
    Optional<String> telemetry =
        Stream.of(data.getOrDefault("OTEL_RESOURCE_ATTRIBUTES", "").split(","))
            .map(String::strip)
            .filter(pair -> pair.startsWith("deployment.environment.name="))
            .map(pair -> pair.substring(pair.indexOf('=') + 1))
            .findFirst();
    assertTrue(
        telemetry.isPresent(),
        "overlay " + overlay + ": OTEL_RESOURCE_ATTRIBUTES names deployment.environment.name");
    assertEquals(
        telemetry.get(),
        data.get("DEPLOYMENT_ENVIRONMENT"),
        "overlay "
            + overlay
            + ": DEPLOYMENT_ENVIRONMENT (GET /info) should be the telemetry's"
            + " deployment.environment.name");
  }

  private static ConfigMap configMap(String overlay) {
    return Manifests.rendered(overlay).settings();
  }
}
