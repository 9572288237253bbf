package io.oteldemo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.oteldemo.redis.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * What {@link RedisServer} promises, checked by running small test classes through the engine:
 * which server a method sees, that a shared one is emptied between tests, and that every server is
 * stopped afterwards, also after a failed test.
 */
class RedisExtensionTest {

  /** The servers the sample classes saw, in the order they saw them. */
  static final List<RedisProcess> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  @Test
  void aClassSharesOneServerEmptiedBeforeEachTestAndStoppedAfterwards() {
    Events tests = run(SharedServerSample.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertEquals(1, SEEN.stream().distinct().count(), "one server for the class: " + SEEN);
    assertStopped(SEEN.get(0));
  }

  @Test
  void aTestAnnotatedOnItsOwnGetsItsOwnServerAlsoInItsSetUp() {
    Events tests = run(OwnServerForOneSample.class);

    tests.assertStatistics(stats -> stats.started(1).succeeded(1));
    // @BeforeAll, then @BeforeEach and the test itself.
    assertEquals(3, SEEN.size(), "every method saw a server: " + SEEN);
    assertNotEquals(SEEN.get(0), SEEN.get(1), "the test's own server is not the class's");
    assertEquals(SEEN.get(1), SEEN.get(2), "set-up and test share the test's server");
    SEEN.forEach(RedisExtensionTest::assertStopped);
  }

  @Test
  void perTestGivesEveryTestAFreshServer() {
    Events tests = run(ServerPerTestSample.class);

    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertEquals(2, SEEN.stream().distinct().count(), "a server per test: " + SEEN);
    SEEN.forEach(RedisExtensionTest::assertStopped);
  }

  @Test
  void aFailingTestStillStopsItsServers() {
    Events tests = run(FailingSample.class);

    tests.assertStatistics(stats -> stats.started(1).failed(1));
    assertEquals(2, SEEN.stream().distinct().count(), "the class's and the test's: " + SEEN);
    SEEN.forEach(RedisExtensionTest::assertStopped);
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  private static void assertStopped(RedisProcess server) {
    try (UnifiedJedis client = server.client(Duration.ofMillis(200))) {
      assertThrows(
          JedisConnectionException.class,
          client::ping,
          "the server on port " + server.port() + " should be stopped");
    }
  }

  // The sample classes are nested, so that the build does not run them on their own.

  @RedisServer
  static class SharedServerSample {

    @BeforeEach
    void expectEmpty(RedisProcess redis) {
      try (UnifiedJedis client = redis.client(Duration.ofSeconds(2))) {
        assertEquals(0, client.dbSize(), "a test starts with an empty Redis");
      }
    }

    @Test
    void one(RedisProcess redis) {
      leaveAKey(redis);
    }

    @Test
    void two(RedisProcess redis, UnifiedJedis replicaA, UnifiedJedis replicaB) {
      leaveAKey(redis);
      assertNotSame(replicaA, replicaB, "a client per parameter");
      replicaA.set("shared", "yes");
      assertEquals("yes", replicaB.get("shared"), "both clients reach the class's server");
    }

    private static void leaveAKey(RedisProcess redis) {
      SEEN.add(redis);
      try (UnifiedJedis client = redis.client(Duration.ofSeconds(2))) {
        client.set("left-behind", "by a test");
      }
    }
  }

  @RedisServer
  static class OwnServerForOneSample {

    @BeforeAll
    static void classServer(RedisProcess redis) {
      SEEN.add(redis);
    }

    @BeforeEach
    void setUp(RedisProcess redis) {
      SEEN.add(redis);
    }

    @Test
    @RedisServer
    void ownServer(RedisProcess redis) {
      SEEN.add(redis);
      redis.stop();
      redis.restart();
    }
  }

  @RedisServer(perTest = true)
  static class ServerPerTestSample {

    @Test
    void one(RedisProcess redis) {
      SEEN.add(redis);
    }

    @Test
    void two(RedisProcess redis) {
      SEEN.add(redis);
    }
  }

  @RedisServer
  static class FailingSample {

    @BeforeAll
    static void classServer(RedisProcess redis) {
      SEEN.add(redis);
    }

    @Test
    @RedisServer
    void fails(RedisProcess redis) {
      SEEN.add(redis);
      throw new AssertionError("a failing test");
    }
  }
}
