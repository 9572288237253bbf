package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.worker.JobStatus;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The embedded worker and the client read the same status strings the same way. */
class EmbeddedJobStatusTest {

  @ParameterizedTest
  @EnumSource(EmbeddedJobStatus.class)
  void theClientReadsEveryStateTheEmbeddedWorkerAnswers(EmbeddedJobStatus status) {
    Optional<JobStatus> read = JobStatus.fromWire(status.wireName());
    assertEquals(
        Optional.of(status.name()),
        read.map(JobStatus::name),
        "the client's state for '" + status.wireName() + "'");
    assertEquals(
        status.isFinished(),
        read.orElseThrow().isFinished(),
        "both sides agree whether " + status + " is finished");
  }
}
