package io.oteldemo.worker;

import io.grpc.Status;

/**
 * The worker could not be reached or refused to serve ({@link WorkerException.Kind#UNAVAILABLE}). A
 * class of its own so that Fault Tolerance's {@code retryOn} and {@code failOn} can name it: reads
 * are retried on it and the circuit breaker counts it.
 */
public class WorkerUnavailableException extends WorkerException {

  private static final long serialVersionUID = 1L;

  public WorkerUnavailableException(Status.Code grpcCode, String message, Throwable cause) {
    super(Kind.UNAVAILABLE, grpcCode, message, cause);
  }

  /** The same failure of a call not made over gRPC (the worker's HTTP downloads). */
  public WorkerUnavailableException(String message, Throwable cause) {
    super(Kind.UNAVAILABLE, message, cause);
  }
}
