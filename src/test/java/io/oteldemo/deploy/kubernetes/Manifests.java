package io.oteldemo.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/** Where the manifests are, and each overlay rendered once per test run, as typed objects. */
public final class Manifests {

  public static final Path ROOT = Path.of("kubernetes");
  public static final Path BASE = ROOT.resolve("base");
  public static final List<String> OVERLAYS = List.of("dev", "prod");

  private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

  private Manifests() {}

  public static Path overlay(String name) {
    return ROOT.resolve("overlays").resolve(name);
  }

  /** An overlay as kustomize renders it, every object typed (which fails on schema errors). */
  public static Overlay rendered(String name) {
    return RENDERED.computeIfAbsent(
        name,
        overlay -> {
          List<ObjectNode> objects = KustomizeRenderer.render(overlay(overlay));
          return new Overlay(
              overlay,
              objects.stream()
                  .map(object -> TypedObjects.read("overlay " + overlay, object))
                  .toList());
        });
  }

  /** Every YAML file below kubernetes/, sorted. */
  public static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + ROOT, e);
    }
  }

  /** A rendered overlay. */
  public record Overlay(String name, List<HasMetadata> objects) {

    public <T extends HasMetadata> List<T> all(Class<T> type) {
      return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> T one(Class<T> type) {
      List<T> found = all(type);
      if (found.size() != 1) {
        throw new AssertionError(
            "overlay "
                + name
                + " should render exactly one "
                + type.getSimpleName()
                + ", renders "
                + found.size());
      }
      return found.get(0);
    }

    public <T extends HasMetadata> T named(Class<T> type, String objectName) {
      return all(type).stream()
          .filter(o -> o.getMetadata().getName().equals(objectName))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "overlay "
                          + name
                          + " renders no "
                          + type.getSimpleName()
                          + " named "
                          + objectName));
    }

    /** The one Deployment, the application's. */
    public Deployment deployment() {
      return one(Deployment.class);
    }

    /** Its one container. */
    public Container container() {
      List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
      if (containers.size() != 1) {
        throw new AssertionError(
            "overlay " + name + ": one container per pod, found " + containers.size());
      }
      return containers.get(0);
    }

    public Map<String, String> podLabels() {
      return deployment().getSpec().getTemplate().getMetadata().getLabels();
    }

    /** The ConfigMap the container reads its environment from. */
    public ConfigMap settings() {
      return container().getEnvFrom().stream()
          .filter(source -> source.getConfigMapRef() != null)
          .map(source -> named(ConfigMap.class, source.getConfigMapRef().getName()))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "overlay " + name + ": the container should read a ConfigMap (envFrom)"));
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
