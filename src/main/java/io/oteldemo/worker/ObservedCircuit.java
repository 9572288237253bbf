package io.oteldemo.worker;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code @CircuitBreaker} methods of the annotated bean report what their breaker did to {@link
 * WorkerCircuitStates} ({@link CircuitStateInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ObservedCircuit {}
