package io.oteldemo.error;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A problem of the request that the API answers with a known error code. Thrown where the problem
 * is found; turned into the error body by {@code api.ApiExceptionMapper} only.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, Object> details;
  private final OptionalLong retryAfterSeconds;
  private final transient Map<String, String> headers;

  public ApiException(ErrorCode code, String message) {
    this(code, message, null, OptionalLong.empty());
  }

  public ApiException(
      ErrorCode code, String message, Map<String, Object> details, OptionalLong retryAfterSeconds) {
    this(code, message, details, retryAfterSeconds, Map.of());
  }

  /** With headers the answer must carry, e.g. {@code WWW-Authenticate}. */
  protected ApiException(
      ErrorCode code,
      String message,
      Map<String, Object> details,
      OptionalLong retryAfterSeconds,
      Map<String, String> headers) {
    super(message);
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
    this.headers = headers;
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

  public Map<String, String> headers() {
    return headers;
  }
}
