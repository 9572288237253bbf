package io.oteldemo.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource method as limited per user, in the bucket of its route class. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
  RouteClass value();

  /**
   * A hash the method reads, to read with the decision in one Redis round trip; the interface
   * itself means none.
   */
  Class<? extends ReadAlong> readAlong() default ReadAlong.class;
}
