package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PollingAdviceTest {

  @Test
  void aQueuedJobIsWorthPollingAgainInTwoSeconds() {
    assertEquals(OptionalLong.of(2), PollingAdvice.retryAfterSeconds("queued"));
  }

  @Test
  void aProcessingJobIsWorthPollingAgainInOneSecond() {
    assertEquals(OptionalLong.of(1), PollingAdvice.retryAfterSeconds("processing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"completed", "failed"})
  void aFinishedJobHasNothingToWaitFor(String status) {
    assertEquals(
        OptionalLong.empty(),
        PollingAdvice.retryAfterSeconds(status),
        status + " should have no Retry-After");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"pending", "COMPLETED", "Failed", "cancelled"})
  void anUnknownStatusIsTreatedAsQueued(String status) {
    assertEquals(
        OptionalLong.of(2),
        PollingAdvice.retryAfterSeconds(status),
        "'" + status + "' is not a finished state we know, so polling should go on as if queued");
  }
}
