package io.oteldemo.worker;

/** What the worker's grpc.health.v1 service says of itself. */
public enum WorkerHealth {
  SERVING,
  NOT_SERVING,
  UNREACHABLE
}
