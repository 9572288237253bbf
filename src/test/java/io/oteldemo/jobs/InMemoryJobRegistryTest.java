package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryJobRegistryTest {

  private static final Instant T0 = Instant.parse("2026-01-26T09:00:00Z");
  private static final Duration RETENTION = Duration.ofHours(24);

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryJobRegistry registry = new InMemoryJobRegistry(clock, RETENTION, 1_000);

  @Test
  void aRegisteredJobIsFoundAsRegistered() {
    RegisteredJob job = job("job-1", clock.instant());
    registry.register(job);

    assertEquals(Optional.of(job), registry.find("user-1", "job-1"));
  }

  @Test
  void anUnknownJobIsNotFound() {
    registry.register(job("job-1", clock.instant()));

    assertEquals(Optional.empty(), registry.find("user-1", "job-2"));
  }

  @Test
  void jobsForEveryDeviceKeepTheirEmptyDevice() {
    RegisteredJob job =
        new RegisteredJob(
            "job-1", "user-1", LocalDate.of(2026, 1, 25), Optional.empty(), clock.instant());
    registry.register(job);

    assertEquals(Optional.empty(), registry.find("user-1", "job-1").orElseThrow().deviceId());
  }

  @Test
  void aJobIsKeptFor24Hours() {
    registry.register(job("job-1", clock.instant()));

    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertTrue(
        registry.find("user-1", "job-1").isPresent(), "a job 23:59 old should still be found");

    clock.advance(Duration.ofMinutes(1));
    assertTrue(
        registry.find("user-1", "job-1").isPresent(),
        "a job exactly 24 h old should still be found");
  }

  @Test
  void aJobExpiresAfter24Hours() {
    registry.register(job("job-1", clock.instant()));

    clock.advance(Duration.ofHours(24).plusSeconds(1));

    assertEquals(
        Optional.empty(), registry.find("user-1", "job-1"), "a job over 24 h old should be gone");
  }

  @Test
  void onlyTheExpiredJobsGo() {
    registry.register(job("old", clock.instant()));
    clock.advance(Duration.ofHours(12));
    registry.register(job("newer", clock.instant()));

    clock.advance(Duration.ofHours(13));

    assertEquals(Optional.empty(), registry.find("user-1", "old"), "25 h old");
    assertTrue(registry.find("user-1", "newer").isPresent(), "13 h old");
  }

  @Test
  void expiredJobsAreDroppedWhenANewOneIsRegistered() {
    InMemoryJobRegistry small = new InMemoryJobRegistry(clock, RETENTION, 2);
    small.register(job("old-1", clock.instant()));
    small.register(job("old-2", clock.instant()));
    clock.advance(Duration.ofDays(2));

    small.register(job("new-1", clock.instant()));
    small.register(job("new-2", clock.instant()));

    assertTrue(
        small.find("user-1", "new-1").isPresent(), "new-1 should be kept: the old ones expired");
    assertTrue(small.find("user-1", "new-2").isPresent(), "new-2 should be kept");
  }

  @Test
  void pastTheCapTheOldestJobsAreEvicted() {
    InMemoryJobRegistry small = new InMemoryJobRegistry(clock, RETENTION, 3);
    for (int i = 1; i <= 5; i++) {
      small.register(job("job-" + i, clock.instant()));
      clock.advance(Duration.ofSeconds(1));
    }

    assertEquals(
        Optional.empty(), small.find("user-1", "job-1"), "the oldest should be evicted first");
    assertEquals(Optional.empty(), small.find("user-1", "job-2"), "the second oldest too");
    for (int i = 3; i <= 5; i++) {
      assertTrue(
          small.find("user-1", "job-" + i).isPresent(), "job-" + i + " is among the newest 3");
    }
  }

  @Test
  void theCapHoldsExactlyMaxEntries() {
    InMemoryJobRegistry small = new InMemoryJobRegistry(clock, RETENTION, 3);
    small.register(job("job-1", clock.instant()));
    small.register(job("job-2", clock.instant()));
    small.register(job("job-3", clock.instant()));

    assertTrue(small.find("user-1", "job-1").isPresent(), "3 entries fit a cap of 3");
  }

  @Test
  void aJobMarkedCompletedIsItsSlotsCompletedJobUntilItExpires() {
    RegisteredJob job = job("job-1", clock.instant());
    registry.register(job);
    assertEquals(Optional.empty(), registry.completedJobId(job.slot()), "not yet completed");

    registry.keep(job, FinalViews.completed("job-1"));
    assertEquals(Optional.of("job-1"), registry.completedJobId(job.slot()));

    clock.advance(RETENTION.plusSeconds(1));
    assertEquals(Optional.empty(), registry.completedJobId(job.slot()), "gone with the job");
  }

  @Test
  void aJobNoLongerRetainedIsNotMarkedCompleted() {
    RegisteredJob job = job("job-1", clock.instant());
    registry.register(job);
    clock.advance(RETENTION.plusSeconds(1));

    registry.keep(job, FinalViews.completed("job-1"));

    assertEquals(Optional.empty(), registry.completedJobId(job.slot()));
  }

  private static RegisteredJob job(String id, Instant registeredAt) {
    return new RegisteredJob(
        id, "user-1", LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"), registeredAt);
  }
}
