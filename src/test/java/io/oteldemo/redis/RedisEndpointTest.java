package io.oteldemo.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.RedisServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.UnifiedJedis;

class RedisEndpointTest {

  @Test
  void plainUrlWithDefaults() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://cache.internal");
    assertEquals(
        new RedisEndpoint("cache.internal", 6379, false, Optional.empty(), Optional.empty(), 0),
        endpoint);
  }

  @Test
  void tlsUrlWithUserPasswordAndDatabase() {
    RedisEndpoint endpoint =
        RedisEndpoint.parse("rediss://gateway:p%40ss%3Aword@redis.example:6380/3");
    assertTrue(endpoint.tls());
    assertEquals(Optional.of("gateway"), endpoint.user());
    assertEquals(Optional.of("p@ss:word"), endpoint.password(), "percent-decoded");
    assertEquals(6380, endpoint.port());
    assertEquals(3, endpoint.database());
  }

  @Test
  void passwordOnlyUrl() {
    RedisEndpoint endpoint = RedisEndpoint.parse("redis://:s3cret@localhost:6379/0");
    assertEquals(Optional.empty(), endpoint.user());
    assertEquals(Optional.of("s3cret"), endpoint.password());
  }

  @Test
  void toStringNeverShowsThePassword() {
    String shown = RedisEndpoint.parse("rediss://gateway:s3cret@redis.example:6380/3").toString();
    assertFalse(shown.contains("s3cret"), shown);
    assertEquals("rediss://gateway:***@redis.example:6380/3", shown);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://redis:6379",
        "redis-host:6379",
        "redis:///0",
        "redis://host:6379/db",
        "redis://host:6379/-1",
        "not a url"
      })
  void unusableUrlsAreRefusedWithoutEchoingThem(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(url));
    assertTrue(e.getMessage().startsWith("REDIS_URL is not usable"), e.getMessage());
    assertFalse(e.getMessage().contains(url), "the URL may hold a password: " + e.getMessage());
  }

  @Test
  @RedisServer
  void connectsToARealServerWithTheApplicationsSettings(RedisProcess redis) {
    try (UnifiedJedis client = redis.client(Duration.ofMillis(200))) {
      client.set("k", "v");
      assertEquals("v", client.get("k"));
    }
  }
}
