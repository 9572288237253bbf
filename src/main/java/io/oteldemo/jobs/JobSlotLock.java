package io.oteldemo.jobs;

import java.time.Duration;

/**
 * A short lock on a {@link JobSlot} while a job for it is being queued, so that identical requests
 * arriving together (a client retrying, a double click) queue one job, not two. The lock expires by
 * itself after its hold time, so a process that dies holding it blocks nobody for long.
 */
public interface JobSlotLock {

  /**
   * Takes the lock for {@code hold} unless someone holds it; {@code token} identifies the holder.
   */
  boolean tryLock(JobSlot slot, String token, Duration hold);

  /** Releases the lock if {@code token} still holds it. */
  void unlock(JobSlot slot, String token);
}
