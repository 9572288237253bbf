package io.oteldemo.worker;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sees each call of a {@code @CircuitBreaker} method from outside Fault Tolerance (a lower priority
 * than its interceptor's, {@code PLATFORM_AFTER + 10}, so this one runs first): refused by the open
 * breaker, or let through and how it ended. Fault Tolerance has no API for a breaker's state, so
 * {@link InferredCircuit} infers it from these.
 */
@ObservedCircuit
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CircuitStateInterceptor {

  @Inject WorkerCircuitStates states;

  @AroundInvoke
  Object observe(InvocationContext context) throws Exception {
    CircuitBreaker breaker = context.getMethod().getAnnotation(CircuitBreaker.class);
    if (breaker == null) {
      return context.proceed();
    }
    InferredCircuit circuit = states.of(context.getMethod());
    Object result;
    try {
      result = context.proceed();
    } catch (CircuitBreakerOpenException refused) {
      circuit.refused();
      throw refused;
    } catch (Exception e) {
      if (counted(breaker, e)) {
        circuit.failed();
      } else {
        circuit.succeeded();
      }
      throw e;
    }
    circuit.succeeded();
    return result;
  }

  /** Whether the breaker counts the exception as a failure (else as a success, as it does). */
  static boolean counted(CircuitBreaker breaker, Throwable e) {
    for (Class<? extends Throwable> skipped : breaker.skipOn()) {
      if (skipped.isInstance(e)) {
        return false;
      }
    }
    for (Class<? extends Throwable> failure : breaker.failOn()) {
      if (failure.isInstance(e)) {
        return true;
      }
    }
    return false;
  }
}
