package io.oteldemo.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.oteldemo.deploy.kubernetes.Manifests.Overlay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The pods meet the "restricted" Pod Security Standard and run Liberty within its limits: non-root,
 * no privilege escalation, no capabilities, RuntimeDefault seccomp, a read-only root file system
 * with the folders Liberty writes mounted writable, a heap that follows the memory limit, and a
 * shutdown that lets Liberty finish its requests.
 */
class PodSecurityTest {

  /** Where the Open Liberty image writes: WLP_OUTPUT_DIR (/output links into it), LOG_DIR, tmp. */
  private static final List<String> LIBERTY_WRITES = List.of("/opt/ol/wlp/output", "/logs", "/tmp");

  /** How long Liberty waits for requests in progress when it stops. */
  private static final int LIBERTY_QUIESCE_SECONDS = 30;

  private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)");

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void thePodRunsRestricted(String name) {
    Overlay overlay = Manifests.rendered(name);
    PodSpec pod = overlay.deployment().getSpec().getTemplate().getSpec();
    PodSecurityContext podContext = pod.getSecurityContext();
    SecurityContext context = overlay.container().getSecurityContext();
    assertNotNull(podContext, name + ": the pod should have a securityContext");
    assertNotNull(context, name + ": the container should have a securityContext");

    assertAll(
        () -> assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot(), name + ": runAsNonRoot"),
        () -> assertNotEquals(Long.valueOf(0), podContext.getRunAsUser(), name + ": not uid 0"),
        () ->
            assertEquals(
                "RuntimeDefault",
                podContext.getSeccompProfile().getType(),
                name + ": seccomp profile"),
        () ->
            assertEquals(
                Boolean.FALSE,
                context.getAllowPrivilegeEscalation(),
                name + ": allowPrivilegeEscalation"),
        () ->
            assertEquals(
                Boolean.TRUE,
                context.getReadOnlyRootFilesystem(),
                name + ": readOnlyRootFilesystem"),
        () ->
            assertEquals(
                List.of("ALL"),
                context.getCapabilities().getDrop(),
                name + ": every capability dropped"),
        () ->
            assertTrue(
                context.getCapabilities().getAdd() == null
                    || context.getCapabilities().getAdd().isEmpty(),
                name + ": no capability added"),
        () -> assertTrue(!Boolean.TRUE.equals(context.getPrivileged()), name + ": privileged"),
        () ->
            assertEquals(
                Boolean.FALSE,
                pod.getAutomountServiceAccountToken(),
                name + ": the application needs no Kubernetes API token"),
        () ->
            assertEquals(
                "restricted",
                overlay
                    .one(Namespace.class)
                    .getMetadata()
                    .getLabels()
                    .get("pod-security.kubernetes.io/enforce"),
                name
                    + ": the namespace enforces the "
                    + "restricted standard, so a pod that loosens these settings is refused"));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void libertyCanWriteWhereItMustAndNowhereElse(String name) {
    Overlay overlay = Manifests.rendered(name);
    Map<String, Volume> volumes =
        overlay.deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
            .collect(java.util.stream.Collectors.toMap(Volume::getName, volume -> volume));
    List<VolumeMount> mounts = overlay.container().getVolumeMounts();
    assertAll(
        LIBERTY_WRITES.stream()
            .map(
                path ->
                    () -> {
                      VolumeMount mount =
                          mounts.stream()
                              .filter(m -> m.getMountPath().equals(path))
                              .findFirst()
                              .orElseThrow(
                                  () ->
                                      new AssertionError(
                                          name
                                              + ": Liberty writes to "
                                              + path
                                              + ", which the read-only root file system needs mounted"));
                      assertTrue(
                          !Boolean.TRUE.equals(mount.getReadOnly()),
                          name + ": " + path + " is writable");
                      assertNotNull(
                          volumes.get(mount.getName()).getEmptyDir(),
                          name + ": " + path + " is scratch space of the pod (emptyDir)");
                      assertNotNull(
                          volumes.get(mount.getName()).getEmptyDir().getSizeLimit(),
                          name
                              + ": "
                              + path
                              + " has a size limit, so a log storm cannot fill the node");
                    }));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void theHeapFollowsTheMemoryLimit(String name) {
    Container container = Manifests.rendered(name).container();
    Map<String, Quantity> requests = container.getResources().getRequests();
    Map<String, Quantity> limits = container.getResources().getLimits();
    assertAll(
        List.of("cpu", "memory").stream()
            .map(
                resource ->
                    () -> {
                      assertNotNull(requests.get(resource), name + ": a " + resource + " request");
                      assertNotNull(limits.get(resource), name + ": a " + resource + " limit");
                      assertTrue(
                          Quantity.getAmountInBytes(requests.get(resource))
                                  .compareTo(Quantity.getAmountInBytes(limits.get(resource)))
                              <= 0,
                          name + ": the " + resource + " request is within the limit");
                    }));
    // Memory is not overcommitted: the JVM sizes its heap once, from the limit.
    assertEquals(
        Quantity.getAmountInBytes(limits.get("memory")),
        Quantity.getAmountInBytes(requests.get("memory")),
        name + ": the memory request should equal the limit");
    String options =
        container.getEnv().stream()
            .filter(env -> env.getName().equals("JAVA_TOOL_OPTIONS"))
            .map(EnvVar::getValue)
            .findFirst()
            .orElse("");
    Matcher percentage = MAX_RAM.matcher(options);
    assertTrue(
        percentage.find(),
        name
            + ": JAVA_TOOL_OPTIONS should size the heap as a share "
            + "of the memory limit (-XX:MaxRAMPercentage), is '"
            + options
            + "'");
    int share = Integer.parseInt(percentage.group(1));
    assertTrue(
        share >= 25 && share <= 75,
        name
            + ": a heap of "
            + share
            + " % of the limit "
            + "leaves too little for the heap or for what is not heap");
    assertTrue(!options.contains("-Xmx"), name + ": a fixed -Xmx would not follow the limit");
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void rolloutsAndShutdownsLoseNoRequest(String name) {
    Deployment deployment = Manifests.rendered(name).deployment();
    RollingUpdateDeployment rolling = deployment.getSpec().getStrategy().getRollingUpdate();
    assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType());
    assertEquals(
        0,
        rolling.getMaxUnavailable().getIntVal(),
        name + ": a rollout never takes a pod away before its successor is ready");
    assertTrue(rolling.getMaxSurge().getIntVal() >= 1, name + ": maxSurge lets it progress");

    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    int preStop =
        Optional.ofNullable(Manifests.rendered(name).container().getLifecycle())
            .map(lifecycle -> lifecycle.getPreStop().getExec().getCommand())
            .filter(command -> command.size() == 2 && command.get(0).equals("sleep"))
            .map(command -> Integer.parseInt(command.get(1)))
            .orElse(0);
    assertTrue(
        pod.getTerminationGracePeriodSeconds() > preStop + LIBERTY_QUIESCE_SECONDS,
        name
            + ": terminationGracePeriodSeconds ("
            + pod.getTerminationGracePeriodSeconds()
            + ") should outlast the preStop pause ("
            + preStop
            + " s) plus Liberty's quiesce ("
            + LIBERTY_QUIESCE_SECONDS
            + " s)");
  }
}
