package io.oteldemo.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The build renders the overlays with {@link KustomizeRenderer}, because kubectl and kustomize are
 * not on every machine that builds. Where kubectl is installed, its {@code kubectl kustomize}
 * renders each kustomization too and both results must be the same objects, field for field
 * (compared as data; kustomize's output order and formatting do not matter). Without kubectl that
 * comparison is skipped, and the renderer's own tests below still run.
 */
class KustomizeRenderingTest {

  private static final Optional<Kubectl> KUBECTL = Kubectl.onPath();

  static Stream<Path> kustomizations() {
    return Stream.concat(
        Stream.of(Manifests.BASE), Manifests.OVERLAYS.stream().map(Manifests::overlay));
  }

  @ParameterizedTest
  @MethodSource("kustomizations")
  void theBuildsRenderingIsKubectlKustomizes(Path kustomization) {
    assumeTrue(KUBECTL.isPresent(), "kubectl is not on PATH: nothing to compare with");

    Map<String, ObjectNode> ours = byIdentity(KustomizeRenderer.render(kustomization));
    Map<String, ObjectNode> kubectls =
        byIdentity(
            YamlDocument.parse(kustomization, KUBECTL.get().kustomize(kustomization)).stream()
                .map(YamlDocument::content)
                .toList());

    assertEquals(
        new TreeSet<>(kubectls.keySet()),
        new TreeSet<>(ours.keySet()),
        kustomization + ": the objects rendered");
    kubectls.forEach(
        (identity, expected) ->
            assertEquals(
                expected,
                ours.get(identity),
                kustomization + ": " + identity + " as kubectl kustomize renders it"));
  }

  @Test
  void generatedConfigMapsGetKustomizesNameSuffix() {
    // Recorded from kubectl kustomize (v5.5.0) for literals A=1, B=x<y&z and EMPTY=.
    assertEquals("55h694c74g", ConfigMapNameSuffix.of(Map.of("A", "1", "B", "x<y&z", "EMPTY", "")));
  }

  @Test
  void aKustomizationUsingAnUnsupportedFeatureIsRefused(@TempDir Path folder) throws IOException {
    Files.writeString(
        folder.resolve(Kustomization.FILE_NAME),
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        commonLabels:
          app: x
        """);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(folder));
    assertTrue(refused.getMessage().contains("commonLabels"), refused.getMessage());
  }

  @Test
  void aStrategicMergePatchIsRefused(@TempDir Path folder) throws IOException {
    Files.writeString(
        folder.resolve("cm.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          A: "1"
        """);
    Files.writeString(
        folder.resolve(Kustomization.FILE_NAME),
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [cm.yaml]
        patches:
          - target: {kind: ConfigMap, name: settings}
            patch: |-
              data:
                A: "2"
        """);

    assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(folder));
  }

  @Test
  void overlaysMergeGeneratedSettingsPatchAndRetagOverTheirBase(@TempDir Path folder)
      throws IOException {
    Path base = Files.createDirectories(folder.resolve("base"));
    Files.writeString(
        base.resolve("app.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          replicas: 2
          template:
            spec:
              containers:
                - name: app
                  image: app
                  envFrom:
                    - configMapRef:
                        name: settings
        """);
    Files.writeString(
        base.resolve(Kustomization.FILE_NAME),
        """
        kind: Kustomization
        namespace: demo
        resources: [app.yaml]
        configMapGenerator:
          - name: settings
            literals: [A=1, B=2]
        """);
    Path overlay = Files.createDirectories(folder.resolve("overlay"));
    Files.writeString(
        overlay.resolve(Kustomization.FILE_NAME),
        """
        kind: Kustomization
        resources: [../base]
        images:
          - {name: app, newName: registry.example.com/app, newTag: 1.2.3}
        replicas:
          - {name: app, count: 3}
        configMapGenerator:
          - {name: settings, behavior: merge, literals: [B=3]}
        patches:
          - target: {kind: Deployment, name: app}
            patch: |-
              - {op: add, path: /spec/minReadySeconds, value: 5}
        """);

    Map<String, ObjectNode> rendered = byIdentity(KustomizeRenderer.render(overlay));

    String configMapName = "settings-" + ConfigMapNameSuffix.of(Map.of("A", "1", "B", "3"));
    ObjectNode app = rendered.get("apps/v1 Deployment demo/app");
    assertEquals(
        List.of("apps/v1 Deployment demo/app", "v1 ConfigMap demo/" + configMapName),
        List.copyOf(new TreeSet<>(rendered.keySet())));
    assertEquals(3, app.at("/spec/replicas").asInt());
    assertEquals(5, app.at("/spec/minReadySeconds").asInt());
    assertEquals(
        "registry.example.com/app:1.2.3",
        app.at("/spec/template/spec/containers/0/image").asString());
    assertEquals(
        configMapName,
        app.at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name").asString());
  }

  private static Map<String, ObjectNode> byIdentity(List<ObjectNode> objects) {
    Map<String, ObjectNode> map = new LinkedHashMap<>();
    for (ObjectNode object : objects) {
      String identity =
          object.path("apiVersion").asString()
              + " "
              + object.path("kind").asString()
              + " "
              + object.at("/metadata/namespace").asString("")
              + "/"
              + object.at("/metadata/name").asString();
      if (map.put(identity, object) != null) {
        throw new AssertionError("rendered twice: " + identity);
      }
    }
    return map;
  }
}
