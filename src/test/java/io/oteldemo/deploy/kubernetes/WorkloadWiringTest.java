package io.oteldemo.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.oteldemo.auth.MicroProfileJwtConfigSource;
import io.oteldemo.deploy.LibertyServerXml;
import io.oteldemo.deploy.image.ImageReference;
import io.oteldemo.deploy.kubernetes.Manifests.Overlay;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The rendered objects fit together and fit the server: every selector selects the pods, the
 * autoscaler targets the Deployment, the probes call health checks that exist on the port Liberty
 * listens on, the volumes and the CSV claim are there and mounted where the application looks.
 */
class WorkloadWiringTest {

  /** MicroProfile Health's endpoints, each with the kind of check it reports. */
  private static final Map<String, Class<? extends Annotation>> HEALTH_ENDPOINTS =
      Map.of(
          "/health/started",
          Startup.class,
          "/health/live",
          Liveness.class,
          "/health/ready",
          Readiness.class);

  private static final List<Class<?>> HEALTH_CHECKS =
      List.of(
          io.oteldemo.health.WorkerChannelStartupCheck.class,
          io.oteldemo.health.ApplicationLivenessCheck.class,
          io.oteldemo.health.WorkerReadinessCheck.class,
          io.oteldemo.health.RateLimitReadinessCheck.class);
  private static final int LIBERTY_START_SECONDS = 15;

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void everySelectorSelectsTheApplicationsPods(String name) {
    Overlay overlay = Manifests.rendered(name);
    Map<String, String> pod = overlay.podLabels();
    Deployment deployment = overlay.deployment();
    PodSpec spec = deployment.getSpec().getTemplate().getSpec();
    Service service = overlay.one(Service.class);
    HorizontalPodAutoscaler autoscaler = overlay.one(HorizontalPodAutoscaler.class);

    assertAll(
        () ->
            assertTrue(
                Selectors.selects(deployment.getSpec().getSelector(), pod),
                name + ": the Deployment's selector should select its own pod template"),
        () ->
            assertTrue(
                Selectors.selects(service.getSpec().getSelector(), pod),
                name + ": the Service's selector should select the pods"),
        () ->
            assertTrue(
                Selectors.selects(
                    overlay.one(PodDisruptionBudget.class).getSpec().getSelector(), pod),
                name + ": the PodDisruptionBudget should count the pods"),
        () ->
            assertAll(
                overlay.all(NetworkPolicy.class).stream()
                    .map(
                        policy ->
                            () ->
                                assertTrue(
                                    Selectors.selects(policy.getSpec().getPodSelector(), pod),
                                    name
                                        + ": NetworkPolicy "
                                        + policy.getMetadata().getName()
                                        + " should apply to the pods"))),
        () ->
            assertAll(
                spec.getTopologySpreadConstraints().stream()
                    .map(
                        constraint ->
                            () ->
                                assertTrue(
                                    Selectors.selects(constraint.getLabelSelector(), pod),
                                    name
                                        + ": topology spread over "
                                        + constraint.getTopologyKey()
                                        + " should count the pods"))),
        () ->
            assertEquals(
                List.of("apps/v1", "Deployment", deployment.getMetadata().getName()),
                List.of(
                    autoscaler.getSpec().getScaleTargetRef().getApiVersion(),
                    autoscaler.getSpec().getScaleTargetRef().getKind(),
                    autoscaler.getSpec().getScaleTargetRef().getName()),
                name + ": the autoscaler should scale the Deployment"));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theAutoscalerStartsFromTheDeclaredReplicas(String name) {
    Overlay overlay = Manifests.rendered(name);
    HorizontalPodAutoscaler autoscaler = overlay.one(HorizontalPodAutoscaler.class);
    // Otherwise every apply would set a replica count the autoscaler then undoes.
    assertEquals(
        overlay.deployment().getSpec().getReplicas(),
        autoscaler.getSpec().getMinReplicas(),
        name + ": the autoscaler's minReplicas should be the Deployment's replicas");
    assertTrue(
        autoscaler.getSpec().getMaxReplicas() > autoscaler.getSpec().getMinReplicas(),
        name + ": the autoscaler should have room to scale");
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theContainerServesOnLibertysHttpPort(String name) {
    Overlay overlay = Manifests.rendered(name);
    int port = LibertyServerXml.read().defaultHttpPort();
    int management = LibertyServerXml.read().defaultManagementPort();
    Container container = overlay.container();
    // The JWKS relay, which Liberty reads the signing keys from, assumes the same port.
    URI relay =
        URI.create(
            new MicroProfileJwtConfigSource()
                .getValue("mp.jwt.verify.publickey.location")
                .replace("${http.port:", "")
                .replace("}", ""));
    Service service = overlay.one(Service.class);

    assertEquals(
        List.of(port, management),
        container.getPorts().stream().map(p -> p.getContainerPort()).toList(),
        name + ": the container's ports, the API's first");
    assertEquals(port, relay.getPort(), "the JWKS relay's default port");
    assertAll(
        service.getSpec().getPorts().stream()
            .map(
                servicePort ->
                    () ->
                        assertEquals(
                            port,
                            resolve(servicePort.getTargetPort(), container),
                            name
                                + ": Service port "
                                + servicePort.getName()
                                + " should reach the API's port, never the management port")));
    assertTrue(
        container.getEnv().stream()
            .noneMatch(
                env ->
                    env.getName().matches("(?i)http[._]port")
                        || String.valueOf(env.getValue()).contains("http.port")),
        name + ": the port stays server.xml's default; nothing may move it");
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theProbesCallTheServersHealthChecks(String name) {
    Container container = Manifests.rendered(name).container();
    Map<String, Probe> probes = new HashMap<>();
    probes.put("startup", container.getStartupProbe());
    probes.put("liveness", container.getLivenessProbe());
    probes.put("readiness", container.getReadinessProbe());
    Map<String, String> expectedPaths =
        Map.of(
            "startup", "/health/started", "liveness", "/health/live", "readiness", "/health/ready");
    // MicroProfile Health answers on the management port only (docs/ARCHITECTURE.md, "Two ports").
    int port = LibertyServerXml.read().defaultManagementPort();

    assertTrue(
        LibertyServerXml.read().features().stream().anyMatch(f -> f.startsWith("mpHealth")),
        "server.xml should enable MicroProfile Health, which serves the probes' paths");
    assertAll(
        probes.entrySet().stream()
            .map(
                entry ->
                    () -> {
                      Probe probe = entry.getValue();
                      assertNotNull(
                          probe,
                          name + ": the container should have a " + entry.getKey() + " probe");
                      assertNotNull(
                          probe.getHttpGet(), name + ": the " + entry.getKey() + " probe is HTTP");
                      String path = probe.getHttpGet().getPath();
                      assertEquals(
                          expectedPaths.get(entry.getKey()), path, name + ": " + entry.getKey());
                      assertEquals(
                          port,
                          resolve(probe.getHttpGet().getPort(), container),
                          name + ": the " + entry.getKey() + " probe's port");
                      assertTrue(
                          HEALTH_CHECKS.stream()
                              .anyMatch(
                                  check -> check.isAnnotationPresent(HEALTH_ENDPOINTS.get(path))),
                          path + " should report at least one check of ours");
                    }));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theProbesGiveLibertyTimeToStart(String name) {
    Container container = Manifests.rendered(name).container();
    Probe startup = container.getStartupProbe();
    int startBudget = startup.getPeriodSeconds() * startup.getFailureThreshold();
    assertTrue(
        startBudget >= 4 * LIBERTY_START_SECONDS,
        name
            + ": the startup probe allows "
            + startBudget
            + " s; a Liberty start takes about "
            + LIBERTY_START_SECONDS
            + " s and more on a busy node");
    Probe readiness = container.getReadinessProbe();
    assertTrue(
        readiness.getPeriodSeconds() * readiness.getFailureThreshold() <= 15,
        name + ": a pod that stops being ready should leave the Service within 15 s");
    Probe liveness = container.getLivenessProbe();
    assertTrue(
        liveness.getPeriodSeconds() * liveness.getFailureThreshold() >= 30,
        name + ": a restart should need 30 s of failed liveness checks, not one slow answer");
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theImageIsTheApplicationsAtAFixedVersion(String name) {
    ImageReference image = ImageReference.parse(Manifests.rendered(name).container().getImage());
    assertTrue(
        image.repository().endsWith("/otel-demo"),
        name
            + ": the overlay should set the "
            + "registry of the image (kustomize images), is "
            + image.repository());
    assertTrue(
        image.tag().filter(tag -> !tag.equals("latest")).isPresent() || image.digest().isPresent(),
        name + ": the image should name a version");
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theCsvClaimIsMountedReadOnlyWhereTheApplicationReadsIt(String name) {
    Overlay overlay = Manifests.rendered(name);
    PodSpec pod = overlay.deployment().getSpec().getTemplate().getSpec();
    Map<String, Volume> volumes =
        pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, Function.identity()));
    Container container = overlay.container();

    assertAll(
        container.getVolumeMounts().stream()
            .map(
                mount ->
                    () ->
                        assertTrue(
                            volumes.containsKey(mount.getName()),
                            name
                                + ": mount "
                                + mount.getMountPath()
                                + " names volume "
                                + mount.getName()
                                + ", which the pod does not have")));
    String csvPath = overlay.settings().getData().get("CSV_STORAGE_PATH");
    VolumeMount csv =
        container.getVolumeMounts().stream()
            .filter(mount -> mount.getMountPath().equals(csvPath))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        name + ": nothing is mounted at CSV_STORAGE_PATH " + csvPath));
    assertEquals(Boolean.TRUE, csv.getReadOnly(), name + ": the worker's files are read-only");
    String claimName = volumes.get(csv.getName()).getPersistentVolumeClaim().getClaimName();
    PersistentVolumeClaim claim = overlay.named(PersistentVolumeClaim.class, claimName);
    assertEquals(
        List.of("ReadOnlyMany"),
        claim.getSpec().getAccessModes(),
        name + ": the claim shares the worker's volume read-only");

    YamlDocument example =
        YamlDocument.readAll(Manifests.ROOT.resolve("extras/otel-worker-csv-volume.yaml")).get(0);
    PersistentVolume volume =
        (PersistentVolume) TypedObjects.read(example.describe(), example.content());
    assertEquals(
        claim.getSpec().getVolumeName(),
        volume.getMetadata().getName(),
        "the example volume should be the one the claim binds to");
    assertEquals(
        List.of(claim.getMetadata().getNamespace(), claim.getMetadata().getName()),
        List.of(
            volume.getSpec().getClaimRef().getNamespace(),
            volume.getSpec().getClaimRef().getName()),
        "the example volume should be reserved for the claim");
    assertFalse(
        Set.of("ReadWriteOnce", "ReadWriteOncePod").stream()
            .anyMatch(volume.getSpec().getAccessModes()::contains),
        "a volume two namespaces' pods read cannot be single-node");
  }

  /** A port given by number or by the container port's name. */
  static int resolve(IntOrString port, Container container) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream()
        .filter(candidate -> port.getStrVal().equals(candidate.getName()))
        .map(candidate -> candidate.getContainerPort())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void eachPodExportsUnderAnInstanceIdOfItsOwn(String name) {
    Map<String, io.fabric8.kubernetes.api.model.EnvVar> env =
        Manifests.rendered(name).container().getEnv().stream()
            .collect(Collectors.toMap(io.fabric8.kubernetes.api.model.EnvVar::getName, e -> e));
    assertNotNull(env.get("POD_NAME"), name + ": POD_NAME from the downward API");
    assertEquals(
        "metadata.name",
        env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath(),
        name + ": POD_NAME is the pod's name");
    String attributes = env.get("OTEL_RESOURCE_ATTRIBUTES").getValue();
    assertTrue(
        attributes.contains("service.instance.id=$(POD_NAME)"),
        name
            + ": metrics of two pods must not share one series, OTEL_RESOURCE_ATTRIBUTES is '"
            + attributes
            + "'");
    List<String> names =
        Manifests.rendered(name).container().getEnv().stream()
            .map(io.fabric8.kubernetes.api.model.EnvVar::getName)
            .toList();
    assertTrue(
        names.indexOf("POD_NAME") < names.indexOf("OTEL_RESOURCE_ATTRIBUTES"),
        name + ": Kubernetes expands $(POD_NAME) only when it is defined before");
  }
}
