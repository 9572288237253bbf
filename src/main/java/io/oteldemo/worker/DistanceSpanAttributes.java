package io.oteldemo.worker;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.oteldemo.worker.proto.CalculateDistanceResponse;
import io.oteldemo.worker.proto.GetJobStatusResponse;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The business attributes of our spans: which day, device and job a call is about, the job's status
 * and, once computed, how many locations it read. Nothing personal (no user, no token).
 */
public final class DistanceSpanAttributes {

  public static final AttributeKey<String> DATE = AttributeKey.stringKey("distance.date");
  public static final AttributeKey<String> DEVICE_ID = AttributeKey.stringKey("distance.device_id");
  public static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("distance.job_id");
  public static final AttributeKey<String> JOB_STATUS =
      AttributeKey.stringKey("distance.job_status");
  public static final AttributeKey<Long> TOTAL_LOCATIONS =
      AttributeKey.longKey("distance.total_locations");

  private DistanceSpanAttributes() {}

  static Attributes calculateRequest(LocalDate date, Optional<String> deviceId) {
    AttributesBuilder attributes = Attributes.builder().put(DATE, date.toString());
    deviceId.filter(id -> !id.isEmpty()).ifPresent(id -> attributes.put(DEVICE_ID, id));
    return attributes.build();
  }

  static Attributes jobRequest(String jobId) {
    return Attributes.of(JOB_ID, jobId);
  }

  /** Read from whichever response a call answers with. */
  static Attributes response(Object message) {
    AttributesBuilder attributes = Attributes.builder();
    if (message instanceof CalculateDistanceResponse queued) {
      putIfPresent(attributes, JOB_ID, queued.getJobId());
      putIfPresent(attributes, JOB_STATUS, queued.getStatus());
    } else if (message instanceof GetJobStatusResponse job) {
      putIfPresent(attributes, JOB_ID, job.getJobId());
      putIfPresent(attributes, JOB_STATUS, job.getStatus());
      if (job.hasResult()) {
        putIfPresent(attributes, DATE, job.getResult().getDate());
        putIfPresent(attributes, DEVICE_ID, job.getResult().getDeviceId());
        attributes.put(TOTAL_LOCATIONS, (long) job.getResult().getTotalLocations());
      }
    }
    return attributes.build();
  }

  private static void putIfPresent(
      AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(key, value);
    }
  }
}
