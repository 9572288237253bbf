package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JwksCacheTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-26T12:00:00Z"));
  private final AtomicInteger fetches = new AtomicInteger();

  @Test
  void fetchesOnFirstUseAndNotAgainWithinTheCooldown() {
    JwksCache cache = cache(() -> "keys-" + fetches.incrementAndGet());

    assertEquals("keys-1", cache.keys());
    clock.advance(Duration.ofSeconds(9));
    for (int i = 0; i < 100; i++) {
      assertEquals("keys-1", cache.keys(), "a burst of unknown kids is served from the copy");
    }
    assertEquals(1, fetches.get(), "one fetch within the cool-down");
  }

  @Test
  void fetchesAgainOnceTheCooldownHasPassed() {
    JwksCache cache = cache(() -> "keys-" + fetches.incrementAndGet());
    cache.keys();

    clock.advance(JwksCache.COOLDOWN);

    assertEquals("keys-2", cache.keys(), "a rotated key is picked up after one cool-down");
  }

  @Test
  void keepsTheLastCopyWhenTheIssuerIsUnreachable() {
    JwksCache cache =
        cache(
            () -> {
              if (fetches.incrementAndGet() > 1) {
                throw new IllegalStateException("issuer down");
              }
              return "keys-1";
            });
    cache.keys();
    clock.advance(Duration.ofSeconds(30));

    assertEquals("keys-1", cache.keys());
    assertEquals(2, fetches.get(), "it tried once more");
    assertEquals("keys-1", cache.keys());
    assertEquals(2, fetches.get(), "and waits a cool-down before the next try");
  }

  @Test
  void failsWhenNoCopyWasEverFetched() {
    JwksCache cache =
        cache(
            () -> {
              fetches.incrementAndGet();
              throw new IllegalStateException("issuer down");
            });

    assertThrows(IllegalStateException.class, cache::keys);
    assertThrows(IllegalStateException.class, cache::keys);
    assertEquals(1, fetches.get(), "failed fetches are cooled down too");
  }

  @Test
  void relayAnswersOnlyLoopbackCallers() {
    assertTrue(JwksRelayResource.isLoopback("127.0.0.1"));
    assertTrue(JwksRelayResource.isLoopback("0:0:0:0:0:0:0:1"));
    assertFalse(JwksRelayResource.isLoopback("10.1.2.3"));
    assertFalse(JwksRelayResource.isLoopback("192.0.2.7"));
    assertFalse(JwksRelayResource.isLoopback(null));
  }

  private JwksCache cache(Supplier<String> upstream) {
    return new JwksCache(upstream, clock, JwksCache.COOLDOWN);
  }
}
