package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registering an id again makes it the newest entry in the eviction order. */
class InMemoryJobRegistryReRegisterTest {

  @Test
  void anExpiredJobBehindAReRegisteredOneExpires() {
    Instant t0 = Instant.parse("2026-01-26T00:00:00Z");
    InMemoryJobRegistry registry =
        new InMemoryJobRegistry(
            Clock.fixed(t0.plus(Duration.ofHours(26)), ZoneOffset.UTC), Duration.ofHours(24), 100);
    registry.register(job("a", t0));
    registry.register(job("b", t0.plus(Duration.ofHours(1))));
    registry.register(job("a", t0.plus(Duration.ofHours(2))));

    assertEquals(
        Optional.empty(),
        registry.find("user-1", "b"),
        "b is 25 h old at t0+26h and should expire");
  }

  @Test
  void aReRegisteredJobIsNotTheOldest() {
    Instant t0 = Instant.parse("2026-01-26T00:00:00Z");
    InMemoryJobRegistry registry =
        new InMemoryJobRegistry(Clock.fixed(t0, ZoneOffset.UTC), Duration.ofHours(24), 2);
    registry.register(job("a", t0));
    registry.register(job("b", t0));
    registry.register(job("a", t0));
    registry.register(job("c", t0));

    assertTrue(
        registry.find("user-1", "a").isPresent(), "a was registered after b, so b should go first");
  }

  private static RegisteredJob job(String id, Instant at) {
    return new RegisteredJob(id, "user-1", LocalDate.of(2026, 1, 25), Optional.empty(), at);
  }
}
