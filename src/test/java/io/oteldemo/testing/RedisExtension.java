package io.oteldemo.testing;

import io.oteldemo.redis.RedisClusterProcesses;
import io.oteldemo.redis.RedisDeployment;
import io.oteldemo.redis.RedisProcess;
import io.oteldemo.redis.RedisSentinelProcesses;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import redis.clients.jedis.UnifiedJedis;

/**
 * Runs the servers {@link RedisServer} asks for. A server is started the first time a method of its
 * scope asks for it and stopped by this extension when the scope ends, so a failing test never
 * leaves one running and a test never reaches a Redis the extension did not start.
 */
public final class RedisExtension
    implements ParameterResolver,
        ExecutionCondition,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback {

  /**
   * Which Redis a class's tests share: {@code standalone} (one node per class, the default), or
   * {@code cluster} or {@code sentinel}: one deployment of that topology for the whole run, which
   * the build's topology passes of the Redis contract tests choose.
   */
  static final String TOPOLOGY = System.getProperty("redis.topology", "standalone");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisExtension.class);
  // Two keys: a store lookup also sees the parent's entries, and a test's own server must not
  // be mistaken for the class's.
  private static final String CLASS_SERVER = "class-server";
  private static final String RUN_DEPLOYMENT = "run-deployment-";
  private static final String TEST_SERVER = "test-server";
  private static final String CLASS_CLIENTS = "class-clients";
  private static final String TEST_CLIENTS = "test-clients";

  /** The timeout of a client handed to a test; a Redis of the test's own answers at once. */
  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RedisProcess.class
        || type == RedisDeployment.class
        || type == UnifiedJedis.class;
  }

  /**
   * In a cluster or sentinel pass, a test with a server of its own (one it stops or restarts) does
   * not run: what it checks is about one node, and the standalone pass runs it.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TOPOLOGY.equals("standalone")
        || testContext(context).isEmpty()
        || scope(context) == classContext(context)) {
      return ConditionEvaluationResult.enabled("the class's Redis");
    }
    return ConditionEvaluationResult.disabled(
        "a node of its own, stopped or restarted: run in the standalone pass");
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RedisDeployment server = server(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == RedisProcess.class && !(server instanceof RedisProcess)) {
      throw new ParameterResolutionException(
          "A RedisProcess is one node; this pass shares a "
              + TOPOLOGY
              + ": ask for a RedisDeployment");
    }
    if (type != UnifiedJedis.class) {
      return server;
    }
    // A client per parameter, so that two parameters act as two replicas; closed with the scope
    // of the method that asked (the test, or the class for @BeforeAll).
    UnifiedJedis client = server.client(CLIENT_TIMEOUT);
    clients(context).add(client);
    return client;
  }

  private static RedisDeployment server(ExtensionContext context) {
    ExtensionContext scope = scope(context);
    if (scope == classContext(context) && !TOPOLOGY.equals("standalone")) {
      return runDeployment(context);
    }
    String key = scope == classContext(context) ? CLASS_SERVER : TEST_SERVER;
    return scope
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, unused -> RedisProcess.start(), RedisProcess.class);
  }

  /** The run's cluster or sentinel deployment, started once and closed with the run. */
  private static RedisDeployment runDeployment(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RUN_DEPLOYMENT + TOPOLOGY,
            unused ->
                switch (TOPOLOGY) {
                  case "cluster" -> RedisClusterProcesses.start();
                  case "sentinel" -> RedisSentinelProcesses.start();
                  default ->
                      throw new IllegalStateException(
                          "redis.topology must be standalone, cluster or sentinel, not "
                              + TOPOLOGY);
                },
            RedisDeployment.class);
  }

  @SuppressWarnings("unchecked")
  private static List<UnifiedJedis> clients(ExtensionContext context) {
    String key = testContext(context).isPresent() ? TEST_CLIENTS : CLASS_CLIENTS;
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, unused -> new ArrayList<UnifiedJedis>(), List.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<RedisServer> onClass = annotation(classContext(context).getRequiredTestClass());
    if (scope(context) != classContext(context) || !onClass.map(RedisServer::flush).orElse(true)) {
      return;
    }
    RedisDeployment shared =
        TOPOLOGY.equals("standalone")
            ? classContext(context).getStore(NAMESPACE).get(CLASS_SERVER, RedisProcess.class)
            : context
                .getRoot()
                .getStore(NAMESPACE)
                .get(RUN_DEPLOYMENT + TOPOLOGY, RedisDeployment.class);
    if (shared != null) {
      shared.flushAll();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop(context, TEST_CLIENTS, TEST_SERVER);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context, CLASS_CLIENTS, CLASS_SERVER);
  }

  private static void stop(ExtensionContext context, String clientsKey, String serverKey) {
    List<?> clients = context.getStore(NAMESPACE).remove(clientsKey, List.class);
    if (clients != null) {
      clients.forEach(client -> ((UnifiedJedis) client).close());
    }
    RedisProcess server = context.getStore(NAMESPACE).remove(serverKey, RedisProcess.class);
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
