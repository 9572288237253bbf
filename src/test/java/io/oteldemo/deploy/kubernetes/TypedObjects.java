package io.oteldemo.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads manifests into Kubernetes' own typed model (fabric8's, generated from the API's OpenAPI
 * schema), which rejects wrong types and unknown kinds. The model keeps fields it does not know in
 * {@code additionalProperties} instead of failing, so every object is then walked and any such
 * field, a misspelt or misplaced key, is reported with its path; so is a missing required field.
 */
public final class TypedObjects {

  private static final List<String> MODEL_PACKAGES =
      List.of("io.fabric8.kubernetes.api.model", "io.fabric8.openshift.api.model.monitoring");

  private TypedObjects() {}

  /** The typed object, or an exception that names the document and what is wrong. */
  public static HasMetadata read(String source, ObjectNode content) {
    KubernetesResource resource;
    try {
      resource = YamlDocument.MAPPER.treeToValue(content, KubernetesResource.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          source
              + " does not fit Kubernetes' schema: "
              + e.getOriginalMessage()
              + " at "
              + e.getPathReference(),
          e);
    }
    if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata)) {
      throw new IllegalArgumentException(
          source
              + ": "
              + content.path("apiVersion").asString("?")
              + " "
              + content.path("kind").asString("?")
              + " is not a kind this check knows; add "
              + "its fabric8 model module to the test dependencies, or fix apiVersion/kind");
    }
    return (HasMetadata) resource;
  }

  /** Every unknown and every missing required field in an object, with its path. */
  public static List<String> problems(HasMetadata object) {
    List<String> problems = new ArrayList<>();
    if (object.getMetadata() == null
        || object.getMetadata().getName() == null
        || object.getMetadata().getName().isEmpty()) {
      problems.add(object.getKind() + ".metadata.name is required to apply an object");
    }
    walk(object, object.getKind(), problems);
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> collection) {
      int index = 0;
      for (Object element : collection) {
        walk(element, path + "[" + index++ + "]", problems);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, element) -> walk(element, path + "." + key, problems));
      return;
    }
    if (!inModel(value.getClass())) {
      return;
    }
    RequiredFields.missing(value)
        .forEach(field -> problems.add(path + "." + field + " is required by the Kubernetes API"));
    for (Method getter : value.getClass().getMethods()) {
      if (!isGetter(getter)) {
        continue;
      }
      Object property = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) property)
            .keySet()
            .forEach(
                unknown ->
                    problems.add(
                        path
                            + "."
                            + unknown
                            + " is not a field of "
                            + value.getClass().getSimpleName()));
      } else {
        walk(property, path + "." + propertyName(getter), problems);
      }
    }
  }

  private static boolean inModel(Class<?> type) {
    return MODEL_PACKAGES.stream().anyMatch(type.getName()::startsWith);
  }

  private static boolean isGetter(Method method) {
    return method.getName().startsWith("get")
        && method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers())
        && method.getDeclaringClass() != Object.class
        && inModel(method.getDeclaringClass());
  }

  private static String propertyName(Method getter) {
    String name = getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter + ": " + e.getMessage(), e);
    }
  }
}
