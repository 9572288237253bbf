package io.oteldemo.deploy.kubernetes;

import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Reads the Prometheus Operator's types (fabric8's monitoring model, built for Jackson 2) with the
 * Jackson 3 the rest of the model uses. Each of their classes opts out, with a Jackson 2 annotation
 * Jackson 3 does not see, of the kind-dispatching deserializer it would otherwise inherit from
 * {@code KubernetesResource}; without the opt-out a nested spec would be read as a kind-less raw
 * object. This restores it: those classes are read as plain beans.
 */
final class MonitoringModelIntrospector extends JacksonAnnotationIntrospector {

  private static final String MONITORING_MODEL = "io.fabric8.openshift.api.model.monitoring.";

  @Override
  public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
    if (annotated instanceof AnnotatedClass type
        && type.getRawType().getName().startsWith(MONITORING_MODEL)) {
      return ValueDeserializer.None.class;
    }
    return super.findDeserializer(config, annotated);
  }
}
