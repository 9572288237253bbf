package io.oteldemo.auth;

import io.oteldemo.api.ApiException;
import io.oteldemo.api.ErrorCode;
import java.util.Map;
import java.util.OptionalLong;

/** 403: a valid token whose user may not use the API (RFC 6750 {@code insufficient_scope}). */
public class AccessDeniedException extends ApiException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(ErrorCode.FORBIDDEN, message, null, OptionalLong.empty(),
        Map.of("WWW-Authenticate", AuthenticationException.REALM
            + ", error=\"insufficient_scope\""));
  }
}
