package io.oteldemo.idempotency;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import java.util.Map;
import java.util.OptionalLong;

/** 409: the key's first request is still being processed; retry after a moment. */
public class IdempotencyKeyInFlightException extends ApiException {

  private static final long serialVersionUID = 1L;
  static final long RETRY_AFTER_SECONDS = 1;

  public IdempotencyKeyInFlightException() {
    super(
        ErrorCode.CONFLICT,
        "A request with this "
            + IdempotencyKey.HEADER
            + " is still being"
            + " processed; retry after Retry-After seconds",
        Map.of("field", IdempotencyKey.HEADER),
        OptionalLong.of(RETRY_AFTER_SECONDS));
  }
}
