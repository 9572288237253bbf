package io.oteldemo.distance;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether this request's calculation joined an identical running job instead of queuing one ({@link
 * JobQueue#submitOrJoin}), for the submission metric.
 */
@RequestScoped
public class JoinedJob {

  private boolean joined;

  void mark() {
    joined = true;
  }

  boolean joined() {
    return joined;
  }
}
