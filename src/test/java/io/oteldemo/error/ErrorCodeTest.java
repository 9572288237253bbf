package io.oteldemo.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodeTest {

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyCodeIsFoundByItsOwnStatus(ErrorCode code) {
    assertEquals(
        code, ErrorCode.forStatus(code.status()), code.status() + " should be answered as " + code);
  }

  @Test
  void statusesAreUnique() {
    assertEquals(
        ErrorCode.values().length,
        new HashSet<>(Arrays.stream(ErrorCode.values()).map(ErrorCode::status).toList()).size(),
        "two codes with one status would make forStatus ambiguous");
  }

  @Test
  void theUsualStatuses() {
    assertEquals(ErrorCode.NOT_FOUND, ErrorCode.forStatus(404));
    assertEquals(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.forStatus(405));
    assertEquals(ErrorCode.NOT_ACCEPTABLE, ErrorCode.forStatus(406));
    assertEquals(ErrorCode.REQUEST_TIMEOUT, ErrorCode.forStatus(408));
    assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.forStatus(415));
    assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.forStatus(413));
    assertEquals(ErrorCode.INTERNAL_ERROR, ErrorCode.forStatus(500));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 402, 407, 410, 411, 412, 414, 416, 418, 428, 431, 451, 499})
  void otherClientErrorsAreValidationErrors(int status) {
    assertEquals(
        ErrorCode.VALIDATION_ERROR,
        ErrorCode.forStatus(status),
        status + " should be answered as VALIDATION_ERROR");
  }

  @ParameterizedTest
  @ValueSource(ints = {501, 505, 507, 511, 599})
  void otherServerErrorsAreInternalErrors(int status) {
    assertEquals(
        ErrorCode.INTERNAL_ERROR,
        ErrorCode.forStatus(status),
        status + " should fall back to INTERNAL_ERROR");
  }
}
