package io.oteldemo.jobs;

import io.oteldemo.worker.WorkerJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job registry of one server process, used when no Redis is configured: entries expire after
 * the retention period and the oldest are dropped past a fixed number, so memory stays bounded. The
 * owner and slot indexes are kept in step with the entries; a kept final view lives and goes with
 * its entry.
 */
public final class InMemoryJobRegistry implements JobRegistry {

  static final int MAX_ENTRIES = 100_000;

  /** Insertion order: the expired and the surplus entries are at the front. */
  private final Map<String, RegisteredJob> jobs = new LinkedHashMap<>();

  private final Map<String, Set<String>> jobIdsByOwner = new HashMap<>();
  private final Map<JobSlot, String> latestBySlot = new HashMap<>();
  private final Map<JobSlot, String> completedBySlot = new HashMap<>();
  private final Clock clock;
  private final Duration retention;
  private final int maxEntries;

  public InMemoryJobRegistry(Clock clock, Duration retention) {
    this(clock, retention, MAX_ENTRIES);
  }

  InMemoryJobRegistry(Clock clock, Duration retention, int maxEntries) {
    this.clock = clock;
    this.retention = retention;
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized void register(RegisteredJob job) {
    RegisteredJob previous = jobs.remove(job.jobId());
    if (previous != null) {
      forget(previous);
    }
    jobs.put(job.jobId(), job);
    jobIdsByOwner.computeIfAbsent(job.owner(), owner -> new LinkedHashSet<>()).add(job.jobId());
    latestBySlot.put(job.slot(), job.jobId());
    evict();
  }

  @Override
  public synchronized Optional<RegisteredJob> find(String owner, String jobId) {
    evict();
    return Optional.ofNullable(jobs.get(jobId)).filter(job -> job.owner().equals(owner));
  }

  @Override
  public synchronized Set<String> jobIdsOf(String owner) {
    evict();
    return Set.copyOf(jobIdsByOwner.getOrDefault(owner, Set.of()));
  }

  @Override
  public synchronized List<RegisteredJob> jobsOf(String owner) {
    evict();
    return jobIdsByOwner.getOrDefault(owner, Set.of()).stream().map(jobs::get).toList();
  }

  @Override
  public synchronized Optional<String> latestJobId(JobSlot slot) {
    evict();
    return Optional.ofNullable(latestBySlot.get(slot));
  }

  @Override
  public synchronized boolean keep(RegisteredJob job, WorkerJob finalView) {
    evict();
    RegisteredJob retained = jobs.get(job.jobId());
    if (retained == null || retained.kept().isPresent() || !RegisteredJob.isFinal(finalView)) {
      return false;
    }
    RegisteredJob kept = retained.keeping(finalView);
    // Replacing the value of a present key keeps its place in the insertion order.
    jobs.put(job.jobId(), kept);
    if (kept.keptCompleted()) {
      completedBySlot.put(job.slot(), job.jobId());
    }
    return true;
  }

  @Override
  public synchronized Optional<String> completedJobId(JobSlot slot) {
    evict();
    return Optional.ofNullable(completedBySlot.get(slot));
  }

  private void evict() {
    Instant oldestKept = clock.instant().minus(retention);
    Iterator<RegisteredJob> oldestFirst = jobs.values().iterator();
    while (oldestFirst.hasNext()) {
      RegisteredJob job = oldestFirst.next();
      if (jobs.size() > maxEntries || job.registeredAt().isBefore(oldestKept)) {
        oldestFirst.remove();
        forget(job);
      } else {
        return;
      }
    }
  }

  /** Drops a job that left {@code jobs} from the indexes. */
  private void forget(RegisteredJob job) {
    Set<String> owned = jobIdsByOwner.get(job.owner());
    if (owned != null) {
      owned.remove(job.jobId());
      if (owned.isEmpty()) {
        jobIdsByOwner.remove(job.owner());
      }
    }
    latestBySlot.remove(job.slot(), job.jobId());
    completedBySlot.remove(job.slot(), job.jobId());
  }
}
