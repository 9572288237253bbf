package io.oteldemo.embedded;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.opentelemetry.api.OpenTelemetry;
import io.oteldemo.telemetry.GrpcServerTracing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A real distance worker inside this server, for laptops and tests: a gRPC server on a free
 * loopback port with {@code distance.v1} and {@code grpc.health.v1}, computing from an OwnTracks
 * Recorder store. Started only when {@code DISTANCE_SERVICE_ENDPOINT=embedded}.
 */
@ApplicationScoped
public class EmbeddedWorkerServer {

  private static final Logger LOG = Logger.getLogger(EmbeddedWorkerServer.class.getName());
  private static final int WORKERS = 2;
  private static final int QUEUE_CAPACITY = 100;
  private static final int FINISHED_JOBS_KEPT = 1000;

  @Inject
  @ConfigProperty(name = "HOME_LATITUDE")
  double homeLatitude;

  @Inject
  @ConfigProperty(name = "HOME_LONGITUDE")
  double homeLongitude;

  @Inject
  @ConfigProperty(name = "LOCATION_DATA_PATH")
  String locationDataPath;

  @Inject
  @ConfigProperty(name = "CSV_STORAGE_PATH")
  Optional<String> csvStoragePath;

  /** 0 (a free port) unless something outside must dial the worker, e.g. a benchmark. */
  @Inject
  @ConfigProperty(name = "EMBEDDED_WORKER_PORT")
  int port;

  /** Calls continue the caller's trace: the traceparent in their metadata becomes current. */
  @Inject OpenTelemetry openTelemetry;

  private Server server;
  private EmbeddedJobBoard board;
  private HealthStatusManager health;
  private Path csvDirectory;

  /** Starts the server once; returns its port. */
  public synchronized int start() {
    if (server == null) {
      csvDirectory = csvDirectory(csvStoragePath);
      GeoPoint home = new GeoPoint(homeLatitude, homeLongitude);
      DistanceJobProcessor processor = new DistanceJobProcessor(
          new OwnTracksRecorderStore(Path.of(locationDataPath)), home,
          new DistanceCsvWriter(csvDirectory));
      board = new EmbeddedJobBoard(
          processor, Clock.systemUTC(), WORKERS, QUEUE_CAPACITY, FINISHED_JOBS_KEPT);
      health = new HealthStatusManager();
      GrpcServerTracing tracing = new GrpcServerTracing(openTelemetry);
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", checkedPort(port)))
          .addService(ServerInterceptors.intercept(new EmbeddedDistanceService(board), tracing))
          .addService(ServerInterceptors.intercept(health.getHealthService(), tracing))
          .build();
      try {
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded distance worker", e);
      }
      health.setStatus("", ServingStatus.SERVING);
      LOG.info(() -> "Embedded distance worker listening on 127.0.0.1:" + server.getPort()
          + ", reading " + locationDataPath + ", writing CSV files to " + csvDirectory);
    }
    return server.getPort();
  }

  static int checkedPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "EMBEDDED_WORKER_PORT must be 0 (a free port) or a port from 1 to 65535, not " + port);
    }
    return port;
  }

  /** Where the embedded worker writes its CSV files. */
  public synchronized Optional<Path> csvDirectory() {
    return Optional.ofNullable(csvDirectory);
  }

  static Path csvDirectory(Optional<String> configured) {
    return configured
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "otel-demo-csv"))
        .toAbsolutePath();
  }

  @PreDestroy
  synchronized void stop() {
    if (server == null) {
      return;
    }
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      board.close();
    }
  }
}
