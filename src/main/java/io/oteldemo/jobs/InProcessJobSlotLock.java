package io.oteldemo.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link JobSlotLock} within one process, used when no Redis is configured. */
public final class InProcessJobSlotLock implements JobSlotLock {

  private final Map<JobSlot, Holder> holders = new HashMap<>();
  private final Clock clock;

  public InProcessJobSlotLock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean tryLock(JobSlot slot, String token, Duration hold) {
    Instant now = clock.instant();
    // Expired holders are dropped here, so the map holds at most the slots being queued now.
    holders.values().removeIf(holder -> !holder.until().isAfter(now));
    if (holders.containsKey(slot)) {
      return false;
    }
    holders.put(slot, new Holder(token, now.plus(hold)));
    return true;
  }

  @Override
  public synchronized void unlock(JobSlot slot, String token) {
    Holder holder = holders.get(slot);
    if (holder != null && holder.token().equals(token)) {
      holders.remove(slot);
    }
  }

  private record Holder(String token, Instant until) {}
}
