package io.oteldemo.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A kustomization.yaml restricted to the features {@link KustomizeRenderer} renders exactly as
 * kustomize does. Any other field fails to read, so a kustomization cannot quietly use a feature
 * the build's rendering would get wrong.
 */
public record Kustomization(
    String apiVersion,
    String kind,
    String namespace,
    List<LabelSet> labels,
    List<String> resources,
    List<ImageOverride> images,
    List<ReplicaCount> replicas,
    List<ConfigMapGenerator> configMapGenerator,
    List<Patch> patches) {

  public static final String FILE_NAME = "kustomization.yaml";

  private static final YAMLMapper STRICT =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Labels for every object's metadata only: selectors and pod templates keep their own. */
  public record LabelSet(Map<String, String> pairs) {}

  public record ImageOverride(String name, String newName, String newTag, String digest) {}

  public record ReplicaCount(String name, int count) {}

  /** A ConfigMap from env files and literals; merge/replace act on one a base generated. */
  public record ConfigMapGenerator(
      String name, String behavior, List<String> envs, List<String> literals) {}

  /** An RFC 6902 JSON patch, inline or in a file, for the objects of one kind and name. */
  public record Patch(Target target, String patch, String path) {}

  public record Target(String kind, String name) {}

  public Kustomization {
    labels = orEmpty(labels);
    resources = orEmpty(resources);
    images = orEmpty(images);
    replicas = orEmpty(replicas);
    configMapGenerator = orEmpty(configMapGenerator);
    patches = orEmpty(patches);
  }

  public static Kustomization read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      Kustomization kustomization = STRICT.readValue(Files.readString(file), Kustomization.class);
      if (!"Kustomization".equals(kustomization.kind())) {
        throw new IllegalArgumentException(file + " should be of kind Kustomization");
      }
      return kustomization;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          file
              + " uses something the build cannot render ("
              + e.getOriginalMessage()
              + "); see "
              + Kustomization.class.getSimpleName(),
          e);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
