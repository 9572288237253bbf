package io.oteldemo.jobs;

import io.oteldemo.worker.WorkerJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The jobs this gateway created, who created them, and the final view of those seen finished: the
 * worker reports a queued job without its date and device, only jobs created through the API are
 * answered for, each to its owner only, and a finished job is answered from here without the
 * worker. Shared by every replica when Redis is configured ({@link RedisJobRegistry}), otherwise
 * kept in this process ({@link InMemoryJobRegistry}). Entries are kept for the retention period
 * ({@code JOB_RETENTION}).
 */
public interface JobRegistry {

  /** Remembers a new job; it also becomes the latest job of its slot. */
  void register(RegisteredJob job);

  /** The owner's job; another owner's job is not found, exactly like an unknown one. */
  Optional<RegisteredJob> find(String owner, String jobId);

  /**
   * Where the owner's job is kept in Redis (a hash), so that another command can read it in its own
   * round trip; empty when the registry is not in Redis. The key carries the owner's hash tag.
   */
  default Optional<String> recordKey(String owner, String jobId) {
    return Optional.empty();
  }

  /**
   * The owner's job from the fields of its {@link #recordKey} as read elsewhere (empty: there is no
   * such record), so that no further round trip is needed when it exists.
   */
  default Optional<RegisteredJob> find(String owner, String jobId, Map<String, String> record) {
    return find(owner, jobId);
  }

  /** The ids of the owner's jobs that are still retained. */
  Set<String> jobIdsOf(String owner);

  /** The owner's retained jobs, with their kept views, in no particular order. */
  List<RegisteredJob> jobsOf(String owner);

  /** The id of the latest job registered for the slot, while it is retained. */
  Optional<String> latestJobId(JobSlot slot);

  /**
   * Keeps a retained job's final view (completed or failed) with it, for the rest of its retention;
   * a completed one also makes its result file its owner's to download, even after the worker
   * forgot the job. Atomic across replicas: only the first call for a job keeps and answers true.
   * Nothing is kept for a job no longer retained.
   */
  boolean keep(RegisteredJob job, WorkerJob finalView);

  /** The id of a job of the slot kept as completed, while that job is retained. */
  Optional<String> completedJobId(JobSlot slot);
}
