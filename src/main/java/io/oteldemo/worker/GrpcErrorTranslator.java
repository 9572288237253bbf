package io.oteldemo.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/**
 * Classifies gRPC failures. The deployed worker answers most errors as plain {@code UNKNOWN} with a
 * message, so its known messages are recognised as well as the proper status codes. The kinds that
 * Fault Tolerance acts on leave as subclasses ({@link WorkerUnavailableException}, {@link
 * WorkerTimeoutException}), so that {@code retryOn}/{@code failOn} can name them.
 */
public final class GrpcErrorTranslator {

  private GrpcErrorTranslator() {}

  public static WorkerException translate(StatusRuntimeException e) {
    Status status = e.getStatus();
    String description = status.getDescription() == null ? "" : status.getDescription();
    WorkerException.Kind kind = classify(status.getCode(), description.toLowerCase(Locale.ROOT));
    String message = messageFor(kind, description);
    return switch (kind) {
      case UNAVAILABLE -> new WorkerUnavailableException(status.getCode(), message, e);
      case TIMEOUT -> new WorkerTimeoutException(status.getCode(), message, e);
      default -> new WorkerException(kind, status.getCode(), message, e);
    };
  }

  static WorkerException.Kind classify(Status.Code code, String description) {
    if (description.contains("queue is full")) {
      return WorkerException.Kind.BUSY;
    }
    return switch (code) {
      case UNAVAILABLE -> WorkerException.Kind.UNAVAILABLE;
      case RESOURCE_EXHAUSTED -> WorkerException.Kind.BUSY;
      case DEADLINE_EXCEEDED -> WorkerException.Kind.TIMEOUT;
      case NOT_FOUND -> WorkerException.Kind.NOT_FOUND;
      case INVALID_ARGUMENT -> WorkerException.Kind.INVALID_ARGUMENT;
      case UNKNOWN -> classifyUnknown(description);
      default -> WorkerException.Kind.FAILED;
    };
  }

  private static WorkerException.Kind classifyUnknown(String description) {
    if (description.contains("job not found")) {
      return WorkerException.Kind.NOT_FOUND;
    }
    if (description.contains("date is required") || description.contains("invalid date")) {
      return WorkerException.Kind.INVALID_ARGUMENT;
    }
    return WorkerException.Kind.FAILED;
  }

  /** Only the argument errors repeat the worker's words: they are about the caller's input. */
  private static String messageFor(WorkerException.Kind kind, String description) {
    return switch (kind) {
      case UNAVAILABLE -> "The distance worker is unavailable";
      case BUSY -> "The distance worker's queue is full";
      case TIMEOUT -> "The distance worker did not answer in time";
      case NOT_FOUND -> "Job not found";
      case INVALID_ARGUMENT -> "The distance worker rejected the request: " + description;
      case FAILED -> "The distance worker failed";
    };
  }
}
