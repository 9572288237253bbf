package io.oteldemo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.download.WorkerDownloadClient;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.worker.GrpcDistanceWorkerClient;
import io.oteldemo.worker.WorkerBreakerDelay;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** What each Fault Tolerance refusal of a worker call is answered with. */
class FaultToleranceExceptionMappersTest {

  /** Records the answer instead of building it (no JAX-RS runtime in unit tests). */
  private static final class RecordedErrors extends ErrorResponses {
    ErrorCode code;
    OptionalLong retryAfter;

    @Override
    public Response of(
        ErrorCode code, String message, Map<String, Object> details, OptionalLong retryAfter) {
      this.code = code;
      this.retryAfter = retryAfter;
      return null;
    }

    @Override
    public String traceId() {
      return "0af7651916cd43dd8448eb211c80319c";
    }

    @Override
    public String logTag() {
      return "[trace_id=" + traceId() + "]";
    }
  }

  @Test
  void anOpenCircuitIs503RetryAfterTheLongestConfiguredBreakerDelay() {
    RecordedErrors errors = new RecordedErrors();
    CircuitBreakerOpenExceptionMapper mapper = new CircuitBreakerOpenExceptionMapper();
    mapper.errors = errors;
    Map<String, String> config =
        Map.of(WorkerDownloadClient.class.getName() + "/open/CircuitBreaker/delay", "25000");
    mapper.breakerDelay =
        WorkerBreakerDelay.of(
            List.of(GrpcDistanceWorkerClient.class, WorkerDownloadClient.class),
            key -> Optional.ofNullable(config.get(key)));

    mapper.toResponse(new CircuitBreakerOpenException("open"));

    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, errors.code);
    assertEquals(
        OptionalLong.of(25), errors.retryAfter, "the download breaker's 25 s, the longest delay");
  }

  @Test
  void aFullBulkheadIs503RetryAfterOneSecond() {
    RecordedErrors errors = new RecordedErrors();
    BulkheadExceptionMapper mapper = new BulkheadExceptionMapper();
    mapper.errors = errors;

    mapper.toResponse(new BulkheadException("full"));

    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, errors.code);
    assertEquals(OptionalLong.of(1), errors.retryAfter);
  }

  @Test
  void aFaultToleranceTimeoutIs504() {
    RecordedErrors errors = new RecordedErrors();
    FaultToleranceTimeoutExceptionMapper mapper = new FaultToleranceTimeoutExceptionMapper();
    mapper.errors = errors;

    mapper.toResponse(new TimeoutException("late"));

    assertEquals(ErrorCode.GATEWAY_TIMEOUT, errors.code);
    assertEquals(OptionalLong.empty(), errors.retryAfter);
  }
}
