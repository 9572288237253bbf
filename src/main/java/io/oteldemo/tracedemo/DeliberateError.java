package io.oteldemo.tracedemo;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;

/**
 * The failure {@code GET /error} exists to show: answered 500 with the error body like any internal
 * error, but known, so it is neither logged with a stack trace nor hidden behind the generic
 * message.
 */
public class DeliberateError extends ApiException {

  private static final long serialVersionUID = 1L;

  static final String MESSAGE =
      "Deliberate error: GET /error always fails, to show how an error is traced and counted;"
          + " nothing is wrong with the service";

  DeliberateError() {
    super(ErrorCode.INTERNAL_ERROR, MESSAGE);
  }
}
