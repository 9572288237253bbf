package io.oteldemo.worker;

import io.grpc.Status;

/**
 * The deadline passed before the worker answered ({@link WorkerException.Kind#TIMEOUT}). A class of
 * its own so that the circuit breaker's {@code failOn} can name it; never retried (the call may
 * have reached the worker).
 */
public class WorkerTimeoutException extends WorkerException {

  private static final long serialVersionUID = 1L;

  public WorkerTimeoutException(Status.Code grpcCode, String message, Throwable cause) {
    super(Kind.TIMEOUT, grpcCode, message, cause);
  }

  /** The same failure of a call not made over gRPC (the worker's HTTP downloads). */
  public WorkerTimeoutException(String message, Throwable cause) {
    super(Kind.TIMEOUT, message, cause);
  }
}
