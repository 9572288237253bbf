package io.oteldemo.telemetry;

import jakarta.enterprise.context.RequestScoped;

/**
 * The W3C trace id of the request being handled, read once from the server span that MicroProfile
 * Telemetry opened, so the body, the header and the logs all quote the same id.
 */
@RequestScoped
public class RequestTrace {

  private String traceId;

  public String traceId() {
    if (traceId == null) {
      traceId = TraceIds.current();
    }
    return traceId;
  }

  /** The tag that log lines written for this request end with (see {@link TraceIds#logTag()}). */
  public String logTag() {
    return TraceIds.logTag(traceId());
  }
}
