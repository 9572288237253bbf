package io.oteldemo.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The job registry of one server process: entries expire after the retention period and the
 * oldest are dropped past a fixed number, so memory stays bounded.
 */
@ApplicationScoped
public class InMemoryJobRegistry implements JobRegistry {

  static final Duration RETENTION = Duration.ofHours(24);
  static final int MAX_ENTRIES = 100_000;

  private final Map<String, RegisteredJob> jobs = new LinkedHashMap<>();
  private final Clock clock;
  private final int maxEntries;

  public InMemoryJobRegistry() {
    this(Clock.systemUTC(), MAX_ENTRIES);
  }

  InMemoryJobRegistry(Clock clock, int maxEntries) {
    this.clock = clock;
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized void register(RegisteredJob job) {
    jobs.remove(job.jobId());
    jobs.put(job.jobId(), job);
    evict();
  }

  @Override
  public synchronized Optional<RegisteredJob> find(String jobId) {
    evict();
    return Optional.ofNullable(jobs.get(jobId));
  }

  /** Entries are in insertion order, so the expired and the surplus ones are at the front. */
  private void evict() {
    Instant oldestKept = clock.instant().minus(RETENTION);
    Iterator<RegisteredJob> oldestFirst = jobs.values().iterator();
    while (oldestFirst.hasNext()) {
      RegisteredJob job = oldestFirst.next();
      if (jobs.size() > maxEntries || job.registeredAt().isBefore(oldestKept)) {
        oldestFirst.remove();
      } else {
        return;
      }
    }
  }
}
