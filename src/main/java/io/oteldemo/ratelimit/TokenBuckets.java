package io.oteldemo.ratelimit;

/** Where rate-limit buckets live: Redis (shared by replicas) or this process. */
public interface TokenBuckets {

  /** Takes one token from the subject's bucket of the policy, if there is one. */
  RateLimitDecision take(String subject, RateLimitPolicy policy);
}
