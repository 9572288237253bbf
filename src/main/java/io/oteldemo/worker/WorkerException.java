package io.oteldemo.worker;

import io.grpc.Status;

/** A call to the worker that did not succeed, classified by what the caller can do about it. */
public class WorkerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the transport. */
  public enum Kind {
    /** The worker could not be reached or refused to serve: worth retrying later. */
    UNAVAILABLE,
    /** The worker's queue is full: worth retrying later. */
    BUSY,
    /** The deadline passed before the worker answered. */
    TIMEOUT,
    /** The worker does not know the job. */
    NOT_FOUND,
    /** The worker rejected the request's arguments. */
    INVALID_ARGUMENT,
    /** Anything else the worker answered. */
    FAILED
  }

  private final Kind kind;
  private final Status.Code grpcCode;

  public WorkerException(Kind kind, Status.Code grpcCode, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.grpcCode = grpcCode;
  }

  /** A failure of a call that was not made over gRPC (the worker's HTTP downloads). */
  public WorkerException(Kind kind, String message, Throwable cause) {
    this(kind, null, message, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The gRPC status code the worker answered with; {@code null} for a call not made over gRPC. */
  public Status.Code grpcCode() {
    return grpcCode;
  }
}
