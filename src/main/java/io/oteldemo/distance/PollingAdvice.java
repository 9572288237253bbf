package io.oteldemo.distance;

import io.oteldemo.worker.JobStatus;
import java.util.OptionalLong;

/**
 * How long a client should wait before polling a job again (the Retry-After header). Jobs of the
 * embedded and the deployed worker take from milliseconds to a few seconds.
 */
final class PollingAdvice {

  static final long QUEUED_SECONDS = 2;
  static final long PROCESSING_SECONDS = 1;

  private PollingAdvice() {}

  /** Empty once the job is finished: there is nothing left to wait for. */
  static OptionalLong retryAfterSeconds(String status) {
    return JobStatus.fromWire(status)
        .map(
            known ->
                switch (known) {
                  case QUEUED -> OptionalLong.of(QUEUED_SECONDS);
                  case PROCESSING -> OptionalLong.of(PROCESSING_SECONDS);
                  case COMPLETED, FAILED -> OptionalLong.empty();
                })
        .orElse(OptionalLong.of(QUEUED_SECONDS));
  }
}
