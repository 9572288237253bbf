package io.oteldemo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.worker.WorkerException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkerExceptionMapperTest {

  private static final Map<WorkerException.Kind, ErrorCode> EXPECTED =
      new EnumMap<>(
          Map.of(
              WorkerException.Kind.UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
              WorkerException.Kind.BUSY, ErrorCode.SERVICE_UNAVAILABLE,
              WorkerException.Kind.TIMEOUT, ErrorCode.GATEWAY_TIMEOUT,
              WorkerException.Kind.NOT_FOUND, ErrorCode.NOT_FOUND,
              WorkerException.Kind.INVALID_ARGUMENT, ErrorCode.VALIDATION_ERROR,
              WorkerException.Kind.FAILED, ErrorCode.BAD_GATEWAY));

  @ParameterizedTest
  @EnumSource(WorkerException.Kind.class)
  void everyKindHasItsErrorCode(WorkerException.Kind kind) {
    ErrorCode expected = EXPECTED.get(kind);
    assertNotNull(expected, "this test should state the code of the new kind " + kind);

    ErrorCode code = WorkerExceptionMapper.codeFor(kind);

    assertEquals(expected, code, kind + " should be answered " + expected);
    assertEquals(expected.status(), code.status());
  }
}
