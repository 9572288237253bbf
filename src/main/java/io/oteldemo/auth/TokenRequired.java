package io.oteldemo.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a JAX-RS resource (every method of the class) or one resource method serves only
 * requests with a valid token. {@link BearerTokenGate} decides by this declaration on the resource
 * JAX-RS has matched, so every spelling of a path that routes here is covered; it authenticates the
 * request before any other filter of ours runs and before the body is read. A resource without it
 * is public.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TokenRequired {}
