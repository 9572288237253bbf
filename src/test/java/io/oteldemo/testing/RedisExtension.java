package io.oteldemo.testing;

import io.oteldemo.redis.RedisProcess;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import redis.clients.jedis.UnifiedJedis;

/**
 * Runs the servers {@link RedisServer} asks for. A server is started the first time a method of
 * its scope asks for it and stopped by this extension when the scope ends, so a failing test never
 * leaves one running and a test never reaches a Redis the extension did not start.
 */
public final class RedisExtension
    implements ParameterResolver, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisExtension.class);
  // Two keys: a store lookup also sees the parent's entries, and a test's own server must not
  // be mistaken for the class's.
  private static final String CLASS_SERVER = "class-server";
  private static final String TEST_SERVER = "test-server";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisProcess.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext scope = scope(context);
    String key = scope == classContext(context) ? CLASS_SERVER : TEST_SERVER;
    return scope
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, unused -> RedisProcess.start(), RedisProcess.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<RedisServer> onClass = annotation(classContext(context).getRequiredTestClass());
    if (scope(context) != classContext(context) || !onClass.map(RedisServer::flush).orElse(true)) {
      return;
    }
    RedisProcess shared =
        classContext(context).getStore(NAMESPACE).get(CLASS_SERVER, RedisProcess.class);
    if (shared != null) {
      try (UnifiedJedis client = shared.client(Duration.ofSeconds(2))) {
        client.flushAll();
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop(context, TEST_SERVER);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context, CLASS_SERVER);
  }

  private static void stop(ExtensionContext context, String key) {
    RedisProcess server = context.getStore(NAMESPACE).remove(key, RedisProcess.class);
    if (server != null) {
      server.close();
    }
  }

  /** The context whose store holds the server the given method should see. */
  private static ExtensionContext scope(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Optional<ExtensionContext> test = testContext(context);
    if (test.isEmpty()) {
      return classContext;
    }
    boolean ownServer =
        annotation(test.get().getRequiredTestMethod()).isPresent()
            || annotation(classContext.getRequiredTestClass())
                .map(RedisServer::perTest)
                .orElse(false);
    return ownServer ? test.get() : classContext;
  }

  /** The context of one test run (an invocation, for a parameterized test), if inside one. */
  private static Optional<ExtensionContext> testContext(ExtensionContext context) {
    return context.getTestMethod().isPresent() ? Optional.of(context) : Optional.empty();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent()) {
      current = current.getParent().orElseThrow();
    }
    return current;
  }

  private static Optional<RedisServer> annotation(AnnotatedElement element) {
    return Optional.ofNullable(element.getAnnotation(RedisServer.class));
  }
}
