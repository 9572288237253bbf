package io.oteldemo.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this process, for a run without Redis: the same algorithm as the Redis script,
 * per instance. Buckets idle for longer than their window are full again and dropped.
 */
public final class LocalTokenBuckets implements TokenBuckets {

  private static final int SWEEP_EVERY = 1024;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private int calls;

  public LocalTokenBuckets(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public RateLimitDecision take(String subject, RateLimitPolicy policy) {
    long now = nanoClock.getAsLong();
    sweepNow(now);
    Bucket bucket =
        buckets.computeIfAbsent(subject + "\u0000" + policy.name(), key -> new Bucket(policy, now));
    return bucket.take(now);
  }

  int size() {
    return buckets.size();
  }

  private synchronized void sweepNow(long now) {
    if (++calls % SWEEP_EVERY != 0) {
      return;
    }
    Iterator<Bucket> all = buckets.values().iterator();
    while (all.hasNext()) {
      if (all.next().isIdleSince(now)) {
        all.remove();
      }
    }
  }

  /** One user's bucket of one policy. */
  private static final class Bucket {
    private final RateLimitPolicy policy;
    private final double ratePerNano;
    private double tokens;
    private long updated;

    Bucket(RateLimitPolicy policy, long now) {
      this.policy = policy;
      this.ratePerNano = policy.limit() / (double) policy.window().toNanos();
      this.tokens = policy.limit();
      this.updated = now;
    }

    synchronized RateLimitDecision take(long now) {
      // Multiply before dividing, so a whole window refills exactly the whole limit.
      double refill =
          (double) Math.max(0, now - updated) * policy.limit() / policy.window().toNanos();
      tokens = Math.min(policy.limit(), tokens + refill);
      updated = now;
      boolean allowed = tokens >= 1;
      long retryNanos = 0;
      if (allowed) {
        tokens -= 1;
      } else {
        retryNanos = (long) Math.ceil((1 - tokens) / ratePerNano);
      }
      long resetNanos = (long) Math.ceil((policy.limit() - tokens) / ratePerNano);
      return RateLimitDecision.of(
          policy,
          allowed,
          (long) Math.floor(tokens),
          resetNanos / 1_000_000,
          retryNanos / 1_000_000);
    }

    synchronized boolean isIdleSince(long now) {
      return now - updated > policy.window().toNanos();
    }
  }
}
