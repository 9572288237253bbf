package io.oteldemo.api;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A problem of the request that the API answers with a known error code. Thrown where the
 * problem is found; turned into the error body by {@link ApiExceptionMapper} only.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, Object> details;
  private final OptionalLong retryAfterSeconds;

  public ApiException(ErrorCode code, String message) {
    this(code, message, null, OptionalLong.empty());
  }

  public ApiException(
      ErrorCode code, String message, Map<String, Object> details, OptionalLong retryAfterSeconds) {
    super(message);
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
