package io.oteldemo.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every file below kubernetes/ is YAML, every object in it is of a kind Kubernetes knows and fits
 * that kind's schema (types, no unknown fields, required fields), and every overlay renders to such
 * objects. The examples in kubernetes/extras, applied by hand, are held to the same rules.
 */
class ManifestFilesTest {

  @Test
  void everyManifestFitsTheKubernetesSchema() {
    List<YamlDocument> documents =
        Manifests.yamlFiles().stream()
            .filter(file -> !file.endsWith(Kustomization.FILE_NAME))
            .flatMap(file -> YamlDocument.readAll(file).stream())
            .toList();
    assertFalse(documents.isEmpty(), "there should be manifests below " + Manifests.ROOT);
    assertAll(
        documents.stream()
            .map(
                document ->
                    () -> {
                      HasMetadata object =
                          TypedObjects.read(document.describe(), document.content());
                      assertEquals(List.of(), TypedObjects.problems(object), document.describe());
                    }));
  }

  @ParameterizedTest
  @FieldSource("io.oteldemo.deploy.kubernetes.Manifests#OVERLAYS")
  void everyOverlayRendersToValidObjects(String overlay) {
    assertAll(
        Manifests.rendered(overlay).objects().stream()
            .map(
                object ->
                    () ->
                        assertEquals(
                            List.of(),
                            TypedObjects.problems(object),
                            "overlay "
                                + overlay
                                + ": "
                                + object.getKind()
                                + " "
                                + object.getMetadata().getName())));
  }

  @Test
  void everyManifestInTheBaseIsOneOfItsResources() {
    TreeSet<String> listed = new TreeSet<>(Kustomization.read(Manifests.BASE).resources());
    TreeSet<String> present =
        new TreeSet<>(
            Manifests.yamlFiles().stream()
                .filter(file -> file.getParent().equals(Manifests.BASE))
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.equals(Kustomization.FILE_NAME))
                .toList());
    assertEquals(
        present,
        listed,
        Manifests.BASE
            + "/"
            + Kustomization.FILE_NAME
            + " should list every manifest of its folder (a forgotten one is never applied)");
  }

  @Test
  void theExtrasAreNotPartOfAnyKustomization() {
    // The secret template and the examples for other namespaces are applied by hand, never with
    // the overlays (an empty Secret applied over the real one would break every pod).
    Stream.concat(Stream.of(Manifests.BASE), Manifests.OVERLAYS.stream().map(Manifests::overlay))
        .forEach(
            folder ->
                assertTrue(
                    Kustomization.read(folder).resources().stream()
                        .noneMatch(resource -> resource.contains("extras")),
                    folder + " should not include kubernetes/extras"));
    assertTrue(Files.isDirectory(Manifests.ROOT.resolve("extras")));
  }

  @Test
  void theSchemaCheckFindsWhatTheApiServerWouldReject() {
    HasMetadata misspelt =
        read(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          replicas: 1
          selector: {matchLabels: {app: x}}
          template:
            metadata: {labels: {app: x}}
            spec:
              containers:
                - name: x
                  image: x:1.0.0
                  ports: [{containerPort: 9080}]
                  readinesProbe: {httpGet: {path: /health/ready, port: 9080}}
                - image: y:1.0.0
        """);

    assertEquals(
        List.of(
            "Deployment.spec.template.spec.containers[0].readinesProbe is not a field of Container",
            "Deployment.spec.template.spec.containers[1].name is required by the Kubernetes API"),
        TypedObjects.problems(misspelt).stream().sorted().toList());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            read(
                """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec: {replicas: two}
        """),
        "a wrong type");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            read(
                """
        apiVersion: apps/v1
        kind: Service
        metadata: {name: x}
        """),
        "a kind that is not in its apiVersion");
  }

  private static HasMetadata read(String yaml) {
    YamlDocument document = YamlDocument.parse(Path.of("example.yaml"), yaml).get(0);
    return TypedObjects.read(document.describe(), document.content());
  }
}
