package io.oteldemo.error;

/** The error codes of the API's error body, each bound to the HTTP status it is answered with. */
public enum ErrorCode {
  VALIDATION_ERROR(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  NOT_ACCEPTABLE(406),
  REQUEST_TIMEOUT(408),
  CONFLICT(409),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  UNPROCESSABLE_ENTITY(422),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500),
  BAD_GATEWAY(502),
  SERVICE_UNAVAILABLE(503),
  GATEWAY_TIMEOUT(504);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The code that answers an HTTP status raised by the JAX-RS runtime itself. */
  public static ErrorCode forStatus(int status) {
    for (ErrorCode code : values()) {
      if (code.status == status) {
        return code;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
  }

  /**
   * The code of an error answer: the one its body names, else the one of its status (an answer the
   * runtime built without our body).
   */
  public static ErrorCode ofAnswer(int status, Object entity) {
    if (entity instanceof ErrorBody body && body.error() != null) {
      for (ErrorCode code : values()) {
        if (code.name().equals(body.error().code())) {
          return code;
        }
      }
    }
    return forStatus(status);
  }

  /** The code as a metric attribute value: its name in lower case, e.g. {@code rate_limited}. */
  public String attributeValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
