package io.oteldemo.deploy.kubernetes;

import io.oteldemo.deploy.ProjectFiles;
import io.oteldemo.deploy.kubernetes.Kustomization.ConfigMapGenerator;
import io.oteldemo.deploy.kubernetes.Kustomization.ImageOverride;
import io.oteldemo.deploy.kubernetes.Kustomization.Patch;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization as {@code kustomize build} does, for the feature set that {@link
 * Kustomization} admits, so that the build can check the manifests an overlay really produces on
 * machines without kubectl or kustomize (only Maven Central is reachable, so neither can be
 * fetched). Where kubectl is installed, {@code KustomizeRenderingTest} proves that both renderings
 * are the same data.
 *
 * <p>Order, as kustomize's: resources (a folder is a base, built on its own), generators, then the
 * transformers patches, namespace, labels, replicas, images. Generated ConfigMaps get their
 * content-hash suffix, and the references to them their new name, once, at the top.
 */
public final class KustomizeRenderer {

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "PersistentVolume",
          "StorageClass",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition");
  private static final Set<String> SCALABLE = Set.of("Deployment", "ReplicaSet", "StatefulSet");

  /** An object being rendered; generated ones are named by their content at the end. */
  private record Resource(ObjectNode content, boolean generated) {
    String kind() {
      return content.path("kind").asString();
    }

    String name() {
      return content.path("metadata").path("name").asString();
    }
  }

  private KustomizeRenderer() {}

  public static List<ObjectNode> render(Path directory) {
    List<Resource> resources = build(directory);
    Map<String, String> generatedNames = new LinkedHashMap<>();
    for (Resource resource : resources) {
      if (resource.generated()) {
        String suffixed =
            resource.name()
                + "-"
                + ConfigMapNameSuffix.of(stringMap(resource.content().path("data")));
        generatedNames.put(resource.name(), suffixed);
        metadata(resource.content()).put("name", suffixed);
      }
    }
    resources.forEach(
        resource ->
            podSpecs(resource.content())
                .forEach(pod -> renameConfigMapReferences(pod, generatedNames)));
    return resources.stream().map(Resource::content).toList();
  }

  private static List<Resource> build(Path directory) {
    Kustomization kustomization = Kustomization.read(directory);
    List<Resource> resources = new ArrayList<>();
    for (String entry : kustomization.resources()) {
      Path path = directory.resolve(entry).normalize();
      if (Files.isDirectory(path)) {
        resources.addAll(build(path));
      } else {
        YamlDocument.readAll(path)
            .forEach(document -> resources.add(new Resource(document.content().deepCopy(), false)));
      }
    }
    kustomization
        .configMapGenerator()
        .forEach(generator -> generate(directory, generator, resources));
    kustomization.patches().forEach(patch -> patch(directory, patch, resources));
    if (kustomization.namespace() != null) {
      resources.stream()
          .filter(resource -> !CLUSTER_SCOPED.contains(resource.kind()))
          .forEach(
              resource -> metadata(resource.content()).put("namespace", kustomization.namespace()));
    }
    kustomization
        .labels()
        .forEach(
            labels ->
                resources.forEach(
                    resource ->
                        labels
                            .pairs()
                            .forEach(child(metadata(resource.content()), "labels")::put)));
    kustomization
        .replicas()
        .forEach(
            replicas ->
                resources.stream()
                    .filter(resource -> SCALABLE.contains(resource.kind()))
                    .filter(resource -> resource.name().equals(replicas.name()))
                    .forEach(
                        resource ->
                            child(resource.content(), "spec").put("replicas", replicas.count())));
    kustomization
        .images()
        .forEach(
            image ->
                resources.forEach(
                    resource ->
                        podSpecs(resource.content()).forEach(pod -> setImages(pod, image))));
    return resources;
  }

  private static void generate(
      Path directory, ConfigMapGenerator generator, List<Resource> resources) {
    Map<String, String> data = new LinkedHashMap<>();
    if (generator.envs() != null) {
      generator.envs().forEach(file -> readEnvFile(directory.resolve(file), data));
    }
    if (generator.literals() != null) {
      generator.literals().forEach(literal -> putPair(literal, "literal " + literal, data));
    }
    String behavior = generator.behavior() == null ? "create" : generator.behavior();
    List<Resource> existing =
        resources.stream()
            .filter(resource -> resource.generated() && resource.name().equals(generator.name()))
            .toList();
    switch (behavior) {
      case "create" -> {
        if (!existing.isEmpty()) {
          throw new IllegalArgumentException(
              "ConfigMap "
                  + generator.name()
                  + " is generated twice; an overlay changes it with behavior: merge");
        }
        ObjectNode configMap = YamlDocument.MAPPER.createObjectNode();
        configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", generator.name());
        data.forEach(configMap.putObject("data")::put);
        resources.add(new Resource(configMap, true));
      }
      case "merge", "replace" -> {
        if (existing.size() != 1) {
          throw new IllegalArgumentException(
              "behavior "
                  + behavior
                  + " needs one generated "
                  + "ConfigMap "
                  + generator.name()
                  + " in the bases, found "
                  + existing.size());
        }
        ObjectNode target = child(existing.get(0).content(), "data");
        if (behavior.equals("replace")) {
          target.removeAll();
        }
        data.forEach(target::put);
      }
      default ->
          throw new IllegalArgumentException("unknown configMapGenerator behavior " + behavior);
    }
  }

  /** kustomize's env files: NAME=value lines; blank lines and # comments skipped. */
  private static void readEnvFile(Path file, Map<String, String> data) {
    try {
      for (String line : Files.readAllLines(file)) {
        String stripped = line.strip();
        if (!stripped.isEmpty() && !stripped.startsWith("#")) {
          putPair(line.stripLeading(), file.toString(), data);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void putPair(String pair, String source, Map<String, String> data) {
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException(source + ": expected NAME=value, found '" + pair + "'");
    }
    String value = pair.substring(equals + 1);
    if (value.startsWith("\"") || value.startsWith("'")) {
      // kustomize strips such quotes by rules of its own: stay where both agree.
      throw new IllegalArgumentException(source + ": write values without quotes");
    }
    data.put(pair.substring(0, equals), value);
  }

  private static void patch(Path directory, Patch patch, List<Resource> resources) {
    String text =
        patch.patch() != null
            ? patch.patch()
            : ProjectFiles.readString(directory.resolve(patch.path()));
    JsonNode operations = YamlDocument.MAPPER.readTree(text);
    if (!operations.isArray()) {
      throw new IllegalArgumentException(
          "only RFC 6902 patches (a list of operations) are "
              + "rendered by the build, not strategic merge patches: "
              + text);
    }
    JsonArray jsonPatch = Json.createReader(new StringReader(operations.toString())).readArray();
    List<Resource> targets =
        resources.stream()
            .filter(resource -> resource.kind().equals(patch.target().kind()))
            .filter(resource -> resource.name().equals(patch.target().name()))
            .toList();
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          "the patch's target " + patch.target() + " is not " + "among the resources");
    }
    for (Resource target : targets) {
      JsonStructure patched;
      try {
        patched =
            Json.createPatch(jsonPatch)
                .apply(Json.createReader(new StringReader(target.content().toString())).read());
      } catch (JsonException e) {
        throw new IllegalArgumentException(
            "patch " + text + " does not apply to " + patch.target() + ": " + e.getMessage(), e);
      }
      ObjectNode replaced = (ObjectNode) YamlDocument.MAPPER.readTree(patched.toString());
      target.content().removeAll();
      target.content().setAll(replaced);
    }
  }

  private static void setImages(ObjectNode pod, ImageOverride override) {
    Stream.of("containers", "initContainers")
        .flatMap(field -> pod.path(field).valueStream())
        .map(ObjectNode.class::cast)
        .forEach(
            container -> {
              String image = container.path("image").asString();
              String name = image.replaceFirst("[@:][^/]*$", "");
              if (!name.equals(override.name())) {
                return;
              }
              String tag = image.substring(name.length());
              String newName = override.newName() != null ? override.newName() : name;
              if (override.digest() != null) {
                tag = "@" + override.digest();
              } else if (override.newTag() != null) {
                tag = ":" + override.newTag();
              }
              container.put("image", newName + tag);
            });
  }

  private static void renameConfigMapReferences(ObjectNode pod, Map<String, String> names) {
    List<ObjectNode> references = new ArrayList<>();
    Stream.of("containers", "initContainers")
        .flatMap(field -> pod.path(field).valueStream())
        .forEach(
            container -> {
              container
                  .path("envFrom")
                  .valueStream()
                  .map(source -> source.path("configMapRef"))
                  .filter(JsonNode::isObject)
                  .map(ObjectNode.class::cast)
                  .forEach(references::add);
              container
                  .path("env")
                  .valueStream()
                  .map(variable -> variable.path("valueFrom").path("configMapKeyRef"))
                  .filter(JsonNode::isObject)
                  .map(ObjectNode.class::cast)
                  .forEach(references::add);
            });
    pod.path("volumes")
        .valueStream()
        .map(volume -> volume.path("configMap"))
        .filter(JsonNode::isObject)
        .map(ObjectNode.class::cast)
        .forEach(references::add);
    references.forEach(
        reference -> {
          String renamed = names.get(reference.path("name").asString());
          if (renamed != null) {
            reference.put("name", renamed);
          }
        });
  }

  /** The pod specs of a workload: its pod template's, or none. */
  static List<ObjectNode> podSpecs(ObjectNode resource) {
    JsonNode spec = resource.path("spec").path("template").path("spec");
    return spec.isObject() ? List.of((ObjectNode) spec) : List.of();
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString()));
    return map;
  }

  private static ObjectNode metadata(ObjectNode resource) {
    return child(resource, "metadata");
  }

  private static ObjectNode child(ObjectNode parent, String field) {
    JsonNode existing = parent.get(field);
    return existing instanceof ObjectNode object ? object : parent.putObject(field);
  }
}
