package io.oteldemo.auth;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import java.util.Map;
import java.util.OptionalLong;

/**
 * 401: no usable credentials. The RFC 6750 challenge carries {@code error="invalid_token"} only
 * when a token was sent; a request without credentials gets the bare challenge.
 */
public class AuthenticationException extends ApiException {

  private static final long serialVersionUID = 1L;
  static final String REALM = "Bearer realm=\"otel-demo\"";

  private AuthenticationException(String message, String challenge) {
    super(
        ErrorCode.UNAUTHORIZED,
        message,
        null,
        OptionalLong.empty(),
        Map.of("WWW-Authenticate", challenge));
  }

  public static AuthenticationException missingToken(String message) {
    return new AuthenticationException(message, REALM);
  }

  public static AuthenticationException invalidToken(String message) {
    return new AuthenticationException(
        message,
        REALM
            + ", error=\"invalid_token\""
            + ", error_description=\""
            + message.replace("\"", "'")
            + "\"");
  }
}
