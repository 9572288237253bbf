package io.oteldemo.it.production;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.oteldemo.embedded.DistanceCsvWriter;
import io.oteldemo.embedded.DistanceJobProcessor;
import io.oteldemo.embedded.EmbeddedDistanceService;
import io.oteldemo.embedded.EmbeddedJobBoard;
import io.oteldemo.locations.GeoPoint;
import io.oteldemo.locations.OwnTracksRecorderStore;
import io.oteldemo.telemetry.GrpcServerTracing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The worker the production-like server talks to, in the test JVM so that tests can break it: a
 * gRPC server on a fixed loopback port computing what otel-worker computes (the embedded worker's
 * classes), the worker's HTTP download endpoint, faults per method, and the trace context of every
 * call it receives. It can be stopped and started again on the same ports.
 */
final class TestWorker implements AutoCloseable {

  /** A device whose jobs start at once and stay processing: a job that is still running. */
  static final String HELD_DEVICE = "held_device";

  private final int grpcPort = freePort();
  private final DistanceJobProcessor processor;
  private EmbeddedJobBoard board;
  private final WorkerFaults faults = new WorkerFaults();
  private final ReceivedCalls received = new ReceivedCalls();
  private final WorkerDownloadEndpoint downloads;
  private final OpenTelemetry propagation =
      OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
  private Server server;

  TestWorker(Path locationStore, Path csvDirectory) {
    DistanceJobProcessor processor =
        new DistanceJobProcessor(
            new OwnTracksRecorderStore(locationStore),
            new GeoPoint(40.736097, -74.039373),
            new DistanceCsvWriter(csvDirectory));
    this.processor = processor;
    board = newBoard();
    downloads = new WorkerDownloadEndpoint(freePort(), csvDirectory);
  }

  /** The gRPC endpoint, as {@code DISTANCE_SERVICE_ENDPOINT} names it. */
  String grpcTarget() {
    return "dns:///127.0.0.1:" + grpcPort;
  }

  int grpcPort() {
    return grpcPort;
  }

  WorkerFaults faults() {
    return faults;
  }

  ReceivedCalls received() {
    return received;
  }

  WorkerDownloadEndpoint downloads() {
    return downloads;
  }

  /** Starts serving, or serves again after {@link #stop()}, on the same port. */
  synchronized void start() {
    if (server != null) {
      return;
    }
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus("", ServingStatus.SERVING);
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", grpcPort))
            .addService(traced(new EmbeddedDistanceService(board).bindService()))
            .addService(traced(health.getHealthService().bindService()))
            .build();
    try {
      server.start();
    } catch (IOException e) {
      server = null;
      throw new UncheckedIOException("Cannot start the test worker on port " + grpcPort, e);
    }
    downloads.start();
  }

  private EmbeddedJobBoard newBoard() {
    return new EmbeddedJobBoard(processor, Clock.systemUTC(), 2, 100, 1000, Set.of(HELD_DEVICE));
  }

  /**
   * Restarts as a deployed worker does: its jobs lived in its memory, so it knows none of them
   * afterwards, while their result files stay on the volume.
   */
  synchronized void restartForgettingJobs() {
    stop();
    board.close();
    board = newBoard();
    start();
  }

  /** The interceptors run tracing first, then the recording, then the faults. */
  private ServerServiceDefinition traced(ServerServiceDefinition service) {
    return ServerInterceptors.intercept(
        service, faults, received, new GrpcServerTracing(propagation));
  }

  /** Goes down: connections are refused until {@link #start()}. */
  synchronized void stop() {
    downloads.stop();
    if (server == null) {
      return;
    }
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  @Override
  public synchronized void close() {
    stop();
    board.close();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
