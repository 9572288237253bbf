package io.oteldemo.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "A Redis for this test": a redis-server of the build's own, on a free loopback port, handed to
 * any test, {@code @BeforeAll} or {@code @BeforeEach} method that declares a {@link
 * io.oteldemo.redis.RedisProcess} parameter, and stopped when its scope ends, also after a failure.
 * A {@code UnifiedJedis} parameter gets a new client of that server (the application's settings, 2
 * s timeout), closed when the method's scope ends.
 *
 * <p>On a class: one server for all its tests, emptied before each test (unless {@link #flush()} is
 * false), or a new server for each test with {@link #perTest()}. On a test method: that test (and
 * its {@code @BeforeEach}/{@code @AfterEach}) gets a server of its own, for tests that stop or
 * restart Redis, so that they never disturb the class's server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RedisExtension.class)
public @interface RedisServer {

  /** A new server for every test instead of one for the class. Only meaningful on a class. */
  boolean perTest() default false;

  /** Empty the class's shared server before each test. */
  boolean flush() default true;
}
