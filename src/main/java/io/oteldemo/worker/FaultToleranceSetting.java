package io.oteldemo.worker;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Reads a Fault Tolerance duration of a method's annotation as Liberty's MicroProfile Fault
 * Tolerance resolves it: the method's property ({@code <class>/<method>/<Annotation>/<parameter>}),
 * then the global one ({@code <Annotation>/<parameter>}), and the annotation's own value last; its
 * unit likewise. Kept because Fault Tolerance answers neither question asked here: whether a
 * {@code @Timeout} stays above our own call deadline, and how long a refusing breaker stays open
 * ({@link WorkerBreakerDelay}); its metrics report states, not settings.
 */
public final class FaultToleranceSetting {

  private FaultToleranceSetting() {}

  /**
   * @param lookup a configuration lookup, e.g. {@code key -> config.getOptionalValue(key,
   *     String.class)}
   * @param parameter the value's parameter, e.g. {@code delay}
   * @param unitParameter the unit's parameter, e.g. {@code delayUnit}
   */
  static Duration duration(
      Function<String, Optional<String>> lookup,
      Method method,
      Class<? extends Annotation> annotation,
      String parameter,
      long annotationValue,
      String unitParameter,
      ChronoUnit annotationUnit) {
    long value =
        resolve(lookup, method, annotation, parameter)
            .map(String::trim)
            .map(Long::parseLong)
            .orElse(annotationValue);
    ChronoUnit unit =
        resolve(lookup, method, annotation, unitParameter)
            .map(s -> ChronoUnit.valueOf(s.trim().toUpperCase(Locale.ROOT)))
            .orElse(annotationUnit);
    return Duration.of(value, unit);
  }

  /** Whether the annotation's policy is in force on the method (both switches of the spec). */
  static boolean enabled(
      Function<String, Optional<String>> lookup,
      Method method,
      Class<? extends Annotation> annotation) {
    Optional<String> own = resolveSwitch(lookup, method, annotation);
    if (own.isPresent()) {
      return Boolean.parseBoolean(own.get().trim());
    }
    return lookup
        .apply("MP_Fault_Tolerance_NonFallback_Enabled")
        .map(s -> Boolean.parseBoolean(s.trim()))
        .orElse(true);
  }

  /**
   * Stops the application at start when a {@code @Timeout} of {@code type}'s methods, as
   * configured, is not longer than the deadline its calls carry themselves: the deadline's answer
   * is the precise one, and Fault Tolerance's timeout cannot interrupt blocking I/O by itself.
   */
  public static void requireTimeoutsAbove(
      Class<?> type,
      Duration deadline,
      String deadlineName,
      Function<String, Optional<String>> lookup) {
    for (Method method : type.getDeclaredMethods()) {
      Timeout timeout = method.getAnnotation(Timeout.class);
      if (timeout == null || !enabled(lookup, method, Timeout.class)) {
        continue;
      }
      Duration limit =
          duration(lookup, method, Timeout.class, "value", timeout.value(), "unit", timeout.unit());
      if (limit.compareTo(deadline) <= 0) {
        throw new IllegalArgumentException(
            "The Fault Tolerance timeout of "
                + type.getName()
                + "/"
                + method.getName()
                + " ("
                + limit
                + ") must be longer than "
                + deadlineName
                + " ("
                + deadline
                + ")");
      }
    }
  }

  /**
   * A parameter of an annotation on a method: the method's property, then the global one. The
   * class's property ({@code <class>/<Annotation>/<parameter>}) configures annotations on the class
   * only; Liberty does not apply it to a method's own annotation (the production-like integration
   * tests check it), so neither does this.
   */
  private static Optional<String> resolve(
      Function<String, Optional<String>> lookup,
      Method method,
      Class<? extends Annotation> annotation,
      String parameter) {
    String name = annotation.getSimpleName();
    return lookup
        .apply(methodKey(method, name, parameter))
        .or(() -> lookup.apply(name + "/" + parameter));
  }

  /** The switch of a policy: the method's, the class's, then the global one. */
  private static Optional<String> resolveSwitch(
      Function<String, Optional<String>> lookup,
      Method method,
      Class<? extends Annotation> annotation) {
    String name = annotation.getSimpleName();
    return lookup
        .apply(methodKey(method, name, "enabled"))
        .or(() -> lookup.apply(method.getDeclaringClass().getName() + "/" + name + "/enabled"))
        .or(() -> lookup.apply(name + "/enabled"));
  }

  private static String methodKey(Method method, String annotation, String parameter) {
    return method.getDeclaringClass().getName()
        + "/"
        + method.getName()
        + "/"
        + annotation
        + "/"
        + parameter;
  }
}
