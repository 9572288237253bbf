package io.oteldemo.idempotency;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import java.util.Map;
import java.util.OptionalLong;

/** 422: the key was already used for a different request; a new request needs a new key. */
public class IdempotencyKeyMismatchException extends ApiException {

  private static final long serialVersionUID = 1L;

  public IdempotencyKeyMismatchException() {
    super(
        ErrorCode.UNPROCESSABLE_ENTITY,
        "This "
            + IdempotencyKey.HEADER
            + " was already used"
            + " for a different request; use a new key for a new request",
        Map.of("field", IdempotencyKey.HEADER),
        OptionalLong.empty());
  }
}
