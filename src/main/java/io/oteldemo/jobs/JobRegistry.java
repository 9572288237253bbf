package io.oteldemo.jobs;

import java.util.Optional;
import java.util.Set;

/**
 * The jobs this gateway created, and who created them: the worker reports a queued job without its
 * date and device, and only jobs created through the API are answered for, each to its owner only.
 * Shared by every replica when Redis is configured ({@link RedisJobRegistry}), otherwise kept in
 * this process ({@link InMemoryJobRegistry}). Entries are kept for the retention period ({@code
 * JOB_RETENTION}).
 */
public interface JobRegistry {

  /** Remembers a new job; it also becomes the latest job of its slot. */
  void register(RegisteredJob job);

  /** A job by its id alone, whoever owns it; callers check the owner. */
  Optional<RegisteredJob> find(String jobId);

  /** The ids of the owner's jobs that are still retained. */
  Set<String> jobIdsOf(String owner);

  /** The id of the latest job registered for the slot, while it is retained. */
  Optional<String> latestJobId(JobSlot slot);

  /**
   * Remembers that a retained job completed: its result file is then its owner's to download, even
   * after the worker forgot the job. Nothing is remembered for a job no longer retained.
   */
  void markCompleted(RegisteredJob job);

  /** The id of a job of the slot that was marked completed, while that job is retained. */
  Optional<String> completedJobId(JobSlot slot);
}
