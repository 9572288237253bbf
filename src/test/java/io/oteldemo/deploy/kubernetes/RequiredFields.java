package io.oteldemo.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NFSVolumeSource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields the Kubernetes API requires ("required" in its OpenAPI schema) for the types our
 * manifests use. The typed model accepts objects without them; the API server would not.
 */
final class RequiredFields {

  private static final Map<Class<?>, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry(Container.class, List.of("name")),
          Map.entry(ContainerPort.class, List.of("containerPort")),
          Map.entry(EnvVar.class, List.of("name")),
          Map.entry(VolumeMount.class, List.of("name", "mountPath")),
          Map.entry(Volume.class, List.of("name")),
          Map.entry(KeyToPath.class, List.of("key", "path")),
          Map.entry(HTTPGetAction.class, List.of("port")),
          Map.entry(TCPSocketAction.class, List.of("port")),
          Map.entry(PodSpec.class, List.of("containers")),
          Map.entry(DeploymentSpec.class, List.of("selector", "template")),
          Map.entry(LabelSelectorRequirement.class, List.of("key", "operator")),
          Map.entry(ServicePort.class, List.of("port")),
          Map.entry(
              TopologySpreadConstraint.class,
              List.of("maxSkew", "topologyKey", "whenUnsatisfiable")),
          Map.entry(PersistentVolumeClaimVolumeSource.class, List.of("claimName")),
          Map.entry(NFSVolumeSource.class, List.of("server", "path")),
          Map.entry(SeccompProfile.class, List.of("type")),
          Map.entry(HorizontalPodAutoscalerSpec.class, List.of("scaleTargetRef", "maxReplicas")),
          Map.entry(CrossVersionObjectReference.class, List.of("kind", "name")),
          Map.entry(MetricSpec.class, List.of("type")),
          Map.entry(ResourceMetricSource.class, List.of("name", "target")),
          Map.entry(MetricTarget.class, List.of("type")),
          Map.entry(HPAScalingPolicy.class, List.of("type", "value", "periodSeconds")),
          Map.entry(IPBlock.class, List.of("cidr")));

  private RequiredFields() {}

  /** The required fields the object leaves unset or empty. */
  static List<String> missing(Object object) {
    return REQUIRED.getOrDefault(object.getClass(), List.of()).stream()
        .filter(field -> isEmpty(read(object, field)))
        .toList();
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || value instanceof String text && text.isEmpty()
        || value instanceof Collection<?> collection && collection.isEmpty();
  }

  private static Object read(Object object, String field) {
    String getter = "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    try {
      return object.getClass().getMethod(getter).invoke(object);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          object.getClass().getSimpleName()
              + " has no "
              + getter
              + "; the required-field table is out of date with the model",
          e);
    }
  }
}
