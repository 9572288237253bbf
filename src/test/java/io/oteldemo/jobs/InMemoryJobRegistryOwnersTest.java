package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The owner and slot indexes of the in-process registry, and how they expire with the jobs. */
class InMemoryJobRegistryOwnersTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 25);
  private static final Optional<String> PHONE = Optional.of("iphone_stuart");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-26T09:00:00Z"));
  private final InMemoryJobRegistry registry =
      new InMemoryJobRegistry(clock, Duration.ofHours(24), 1_000);

  @Test
  void eachOwnerSeesOnlyTheirJobIds() {
    registry.register(job("a1", "alice", PHONE));
    registry.register(job("a2", "alice", Optional.empty()));
    registry.register(job("b1", "bob", PHONE));

    assertEquals(Set.of("a1", "a2"), registry.jobIdsOf("alice"));
    assertEquals(Set.of("b1"), registry.jobIdsOf("bob"));
    assertEquals(Set.of(), registry.jobIdsOf("carol"));
  }

  @Test
  void aJobKeepsItsOwner() {
    registry.register(job("a1", "alice", PHONE));

    assertEquals("alice", registry.find("alice", "a1").orElseThrow().owner());
  }

  @Test
  void theLatestJobOfASlotIsTheLastRegistered() {
    registry.register(job("first", "alice", PHONE));
    clock.advance(Duration.ofSeconds(1));
    registry.register(job("second", "alice", PHONE));

    assertEquals(Optional.of("second"), registry.latestJobId(slot("alice", PHONE)));
  }

  @Test
  void slotsAreSeparateByOwnerDateAndDevice() {
    registry.register(job("alice-phone", "alice", PHONE));
    registry.register(job("alice-all", "alice", Optional.empty()));
    registry.register(job("bob-phone", "bob", PHONE));

    assertEquals(Optional.of("alice-phone"), registry.latestJobId(slot("alice", PHONE)));
    assertEquals(Optional.of("alice-all"), registry.latestJobId(slot("alice", Optional.empty())));
    assertEquals(Optional.of("bob-phone"), registry.latestJobId(slot("bob", PHONE)));
    assertEquals(
        Optional.empty(), registry.latestJobId(new JobSlot("alice", DAY.minusDays(1), PHONE)));
  }

  @Test
  void expiredJobsLeaveTheIndexesToo() {
    registry.register(job("old", "alice", PHONE));
    clock.advance(Duration.ofHours(12));
    registry.register(job("newer", "alice", Optional.empty()));
    clock.advance(Duration.ofHours(12).plusSeconds(1));

    assertEquals(Set.of("newer"), registry.jobIdsOf("alice"));
    assertEquals(Optional.empty(), registry.latestJobId(slot("alice", PHONE)));
    assertEquals(Optional.of("newer"), registry.latestJobId(slot("alice", Optional.empty())));
  }

  @Test
  void anEvictedOlderJobDoesNotClearTheSlotsNewerJob() {
    InMemoryJobRegistry small = new InMemoryJobRegistry(clock, Duration.ofHours(24), 2);
    small.register(job("first", "alice", PHONE));
    small.register(job("second", "alice", PHONE));
    small.register(job("other", "bob", PHONE));

    assertEquals(Optional.empty(), small.find("alice", "first"), "evicted past the cap");
    assertEquals(Optional.of("second"), small.latestJobId(slot("alice", PHONE)));
    assertEquals(Set.of("second"), small.jobIdsOf("alice"));
  }

  @Test
  void theRetentionIsConfigurable() {
    InMemoryJobRegistry hourly = new InMemoryJobRegistry(clock, Duration.ofHours(1), 1_000);
    hourly.register(job("a1", "alice", PHONE));

    clock.advance(Duration.ofMinutes(59));
    assertEquals(Set.of("a1"), hourly.jobIdsOf("alice"));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), hourly.find("alice", "a1"));
    assertEquals(Set.of(), hourly.jobIdsOf("alice"));
  }

  private RegisteredJob job(String id, String owner, Optional<String> device) {
    return new RegisteredJob(id, owner, DAY, device, clock.instant());
  }

  private static JobSlot slot(String owner, Optional<String> device) {
    return new JobSlot(owner, DAY, device);
  }
}
