package io.oteldemo.auth;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import java.util.Map;
import java.util.OptionalLong;

/** 403: a valid token whose user may not use the API (RFC 6750 {@code insufficient_scope}). */
public class AccessDeniedException extends ApiException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    this(message, null);
  }

  /** With {@code details} saying what was refused, e.g. the device. */
  public AccessDeniedException(String message, Map<String, Object> details) {
    super(
        ErrorCode.FORBIDDEN,
        message,
        details,
        OptionalLong.empty(),
        Map.of(
            "WWW-Authenticate", AuthenticationException.REALM + ", error=\"insufficient_scope\""));
  }
}
