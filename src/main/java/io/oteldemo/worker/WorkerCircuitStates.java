package io.oteldemo.worker;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * {@code distance.worker.circuit.state}: per circuit breaker around the worker (a bean method with
 * {@code @CircuitBreaker}, named {@code <class>.<method>} as Fault Tolerance's own metrics name it)
 * and per state, 1 for the state it is in and 0 for the others, as {@link InferredCircuit} infers
 * it. A circuit appears with its first call.
 */
@ApplicationScoped
public class WorkerCircuitStates {

  static final String STATE = "distance.worker.circuit.state";
  static final AttributeKey<String> CIRCUIT = AttributeKey.stringKey("circuit");
  static final AttributeKey<String> STATE_KEY = AttributeKey.stringKey("state");

  private record Observed(InferredCircuit circuit, Map<InferredCircuit.State, Attributes> states) {}

  private final Map<Method, Observed> circuits = new ConcurrentHashMap<>();

  @Inject OpenTelemetry openTelemetry;
  @Inject WorkerSettings settings;

  private Function<String, Optional<String>> config;

  public WorkerCircuitStates() {}

  WorkerCircuitStates(OpenTelemetry openTelemetry, Function<String, Optional<String>> config) {
    this.openTelemetry = openTelemetry;
    this.config = config;
    register();
  }

  @PostConstruct
  void init() {
    config = settings.faultTolerance();
    register();
  }

  private void register() {
    openTelemetry
        .getMeter("io.oteldemo")
        .gaugeBuilder(STATE)
        .ofLongs()
        .setUnit("{state}")
        .setDescription(
            "Worker circuit breakers: 1 for the state each is in (closed, open, half_open)")
        .buildWithCallback(this::observe);
  }

  private void observe(ObservableLongMeasurement measurement) {
    for (Observed observed : circuits.values()) {
      InferredCircuit.State current = observed.circuit().state();
      observed
          .states()
          .forEach((state, attributes) -> measurement.record(state == current ? 1 : 0, attributes));
    }
  }

  /** The circuit of a {@code @CircuitBreaker} method. */
  InferredCircuit of(Method method) {
    return circuits.computeIfAbsent(method, this::observed).circuit();
  }

  private Observed observed(Method method) {
    String name = method.getDeclaringClass().getName() + "." + method.getName();
    CircuitBreaker breaker = method.getAnnotation(CircuitBreaker.class);
    long successThreshold =
        FaultToleranceSetting.number(
            config, method, CircuitBreaker.class, "successThreshold", breaker.successThreshold());
    Map<InferredCircuit.State, Attributes> states = new EnumMap<>(InferredCircuit.State.class);
    for (InferredCircuit.State state : InferredCircuit.State.values()) {
      states.put(
          state, Attributes.of(CIRCUIT, name, STATE_KEY, state.name().toLowerCase(Locale.ROOT)));
    }
    return new Observed(new InferredCircuit(name, successThreshold), states);
  }
}
