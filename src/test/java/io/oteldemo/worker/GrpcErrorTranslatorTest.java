package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client test over a real server does not cover: case, null descriptions, the other codes,
 * and the messages.
 */
class GrpcErrorTranslatorTest {

  @ParameterizedTest
  @EnumSource(
      value = Status.Code.class,
      names = {
        "CANCELLED",
        "ALREADY_EXISTS",
        "PERMISSION_DENIED",
        "FAILED_PRECONDITION",
        "ABORTED",
        "OUT_OF_RANGE",
        "UNIMPLEMENTED",
        "INTERNAL",
        "DATA_LOSS",
        "UNAUTHENTICATED",
        "OK"
      })
  void codesWithoutAMeaningForUsAreFailures(Status.Code code) {
    WorkerException e = translate(Status.fromCode(code).withDescription("whatever"));

    assertEquals(WorkerException.Kind.FAILED, e.kind(), code + " should be FAILED");
    assertEquals(code, e.grpcCode(), "the gRPC code should be kept");
    assertEquals("The distance worker failed", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Job Not Found: abc", "JOB NOT FOUND", "rpc error: job not found: x"})
  void knownNotFoundMessagesAreRecognisedInAnyCase(String description) {
    WorkerException e = translate(Status.UNKNOWN.withDescription(description));

    assertEquals(WorkerException.Kind.NOT_FOUND, e.kind(), "'" + description + "'");
    assertEquals("Job not found", e.getMessage());
  }

  @Test
  void otherUnknownErrorsAreTheWorkersFailureAndDoNotRepeatItsWords() {
    WorkerException e =
        translate(Status.UNKNOWN.withDescription("open /data/csv/x.csv: invalid argument"));

    assertEquals(WorkerException.Kind.FAILED, e.kind());
    assertEquals("The distance worker failed", e.getMessage(), "no internal path leaks");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Date is required", "invalid date format: 2026-13-01", "INVALID DATE 2026-02-30"})
  void knownArgumentMessagesAreInvalidArguments(String description) {
    WorkerException e = translate(Status.UNKNOWN.withDescription(description));

    assertEquals(WorkerException.Kind.INVALID_ARGUMENT, e.kind(), "'" + description + "'");
    assertEquals(
        "The distance worker rejected the request: " + description,
        e.getMessage(),
        "the message should repeat the worker's words as they were, not lower-cased");
  }

  @Test
  void aFullQueueIsBusyWhateverTheCode() {
    for (Status.Code code :
        new Status.Code[] {Status.Code.UNKNOWN, Status.Code.INTERNAL, Status.Code.UNAVAILABLE}) {
      WorkerException e = translate(Status.fromCode(code).withDescription("Job Queue Is Full"));

      assertEquals(WorkerException.Kind.BUSY, e.kind(), code + " 'job queue is full'");
      assertEquals("The distance worker's queue is full", e.getMessage());
    }
  }

  @Test
  void unknownWithoutDescriptionIsAFailure() {
    WorkerException e = translate(Status.UNKNOWN);

    assertEquals(WorkerException.Kind.FAILED, e.kind());
    assertEquals(Status.Code.UNKNOWN, e.grpcCode());
  }

  @Test
  void invalidArgumentWithoutDescriptionHasAMessageWithoutNull() {
    WorkerException e = translate(Status.INVALID_ARGUMENT);

    assertEquals(WorkerException.Kind.INVALID_ARGUMENT, e.kind());
    assertEquals(
        "The distance worker rejected the request: ",
        e.getMessage(),
        "a missing description should not read as 'null'");
  }

  @Test
  void messagesOfTheRetryableKinds() {
    assertEquals(
        "The distance worker is unavailable",
        translate(Status.UNAVAILABLE.withDescription("io exception")).getMessage());
    assertEquals(
        "The distance worker's queue is full", translate(Status.RESOURCE_EXHAUSTED).getMessage());
    assertEquals(
        "The distance worker did not answer in time",
        translate(Status.DEADLINE_EXCEEDED).getMessage());
  }

  @Test
  void unavailableAndTimeoutLeaveAsTheSubclassesFaultToleranceNames() {
    WorkerException unavailable = translate(Status.UNAVAILABLE.withDescription("io exception"));
    WorkerException timeout = translate(Status.DEADLINE_EXCEEDED);

    assertInstanceOf(WorkerUnavailableException.class, unavailable);
    assertEquals(WorkerException.Kind.UNAVAILABLE, unavailable.kind());
    assertEquals(Status.Code.UNAVAILABLE, unavailable.grpcCode());
    assertInstanceOf(WorkerTimeoutException.class, timeout);
    assertEquals(WorkerException.Kind.TIMEOUT, timeout.kind());
    assertEquals(Status.Code.DEADLINE_EXCEEDED, timeout.grpcCode());
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.Code.class,
      names = {"UNAVAILABLE", "DEADLINE_EXCEEDED"},
      mode = EnumSource.Mode.EXCLUDE)
  void noOtherCodeIsRetriedOrCountedByTheBreaker(Status.Code code) {
    WorkerException e = translate(Status.fromCode(code).withDescription("whatever"));

    assertFalse(e instanceof WorkerUnavailableException, code + " must not be retried");
    assertFalse(e instanceof WorkerTimeoutException, code + " must not count as a timeout");
  }

  @Test
  void aFullQueueAnsweredAsUnavailableIsNotRetried() {
    WorkerException e = translate(Status.UNAVAILABLE.withDescription("job queue is full"));

    assertEquals(WorkerException.Kind.BUSY, e.kind());
    assertFalse(
        e instanceof WorkerUnavailableException,
        "a full queue is the worker's answer, not an outage: no retry, not counted");
  }

  @Test
  void theGrpcExceptionIsTheCause() {
    StatusRuntimeException cause = Status.NOT_FOUND.asRuntimeException();

    assertSame(cause, GrpcErrorTranslator.translate(cause).getCause());
  }

  private static WorkerException translate(Status status) {
    return GrpcErrorTranslator.translate(status.asRuntimeException());
  }
}
