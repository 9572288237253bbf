package io.oteldemo.embedded;

import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.oteldemo.locations.GeoPoint;
import io.oteldemo.locations.LocationStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A real distance worker inside this server, for laptops and tests: a gRPC server on a free
 * loopback port with {@code distance.v1} and {@code grpc.health.v1}, computing from the
 * application's {@link LocationStore}. Started only when {@code
 * DISTANCE_SERVICE_ENDPOINT=embedded}.
 *
 * <p>A plug-in of the worker boundary, not part of it: it publishes its address ({@value #ADDRESS})
 * and its CSV folder ({@value #CSV_DIRECTORY}) as named beans of JDK types, and the first one asked
 * for starts it. The worker channel and the download source ask for them by name, so neither
 * depends on this package, nor this package on them.
 */
@ApplicationScoped
public class EmbeddedWorkerServer {

  /** Name of the {@link InetSocketAddress} bean the worker listens on. */
  public static final String ADDRESS = "embeddedDistanceWorkerAddress";

  /** Name of the {@link Path} bean of the folder the worker writes its CSV files to. */
  public static final String CSV_DIRECTORY = "embeddedDistanceWorkerCsvDirectory";

  private static final Logger LOG = Logger.getLogger(EmbeddedWorkerServer.class.getName());
  private static final int WORKERS = 2;
  private static final int QUEUE_CAPACITY = 100;
  private static final int FINISHED_JOBS_KEPT = 1000;
  private static final String LOOPBACK = "127.0.0.1";

  @Inject
  @ConfigProperty(name = "HOME_LATITUDE")
  double homeLatitude;

  @Inject
  @ConfigProperty(name = "HOME_LONGITUDE")
  double homeLongitude;

  /** The store the worker computes from: the application's one location store. */
  @Inject LocationStore store;

  @Inject
  @ConfigProperty(name = "CSV_STORAGE_PATH")
  Optional<String> csvStoragePath;

  /** 0 (a free port) unless something outside must dial the worker, e.g. a benchmark. */
  @Inject
  @ConfigProperty(name = "EMBEDDED_WORKER_PORT")
  int port;

  /**
   * Devices whose jobs never finish (comma-separated; development only): a benchmark polls such a
   * job to pay the worker call on every request. {@value #HOLD_NONE} holds none.
   */
  @Inject
  @ConfigProperty(name = "EMBEDDED_WORKER_HOLD_DEVICES")
  List<String> holdDevices;

  /** The default: no device id contains a '-'. */
  static final String HOLD_NONE = "-";

  /** The application's server interceptors, e.g. continuing the caller's trace. */
  @Inject Instance<ServerInterceptor> interceptors;

  private Server server;
  private EmbeddedJobBoard board;
  private HealthStatusManager health;
  private Path csvDirectory;

  /** Starts the server once; returns its port. */
  public synchronized int start() {
    if (server == null) {
      csvDirectory = csvDirectory(csvStoragePath);
      GeoPoint home = new GeoPoint(homeLatitude, homeLongitude);
      DistanceJobProcessor processor =
          new DistanceJobProcessor(store, home, new DistanceCsvWriter(csvDirectory));
      board =
          new EmbeddedJobBoard(
              processor,
              Clock.systemUTC(),
              WORKERS,
              QUEUE_CAPACITY,
              FINISHED_JOBS_KEPT,
              heldDevices(holdDevices));
      health = new HealthStatusManager();
      List<ServerInterceptor> chain = interceptors.stream().toList();
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(LOOPBACK, checkedPort(port)))
              // The handlers only read or queue in memory and never block, so they run on the
              // event loop that read the call: no hand-over to another thread and back per call.
              .directExecutor()
              .addService(ServerInterceptors.intercept(new EmbeddedDistanceService(board), chain))
              .addService(ServerInterceptors.intercept(health.getHealthService(), chain))
              .build();
      try {
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded distance worker", e);
      }
      health.setStatus("", ServingStatus.SERVING);
      LOG.info(
          () ->
              "Embedded distance worker listening on "
                  + LOOPBACK
                  + ":"
                  + server.getPort()
                  + ", reading "
                  + store
                  + ", writing CSV files to "
                  + csvDirectory
                  + (heldDevices(holdDevices).isEmpty()
                      ? ""
                      : "; jobs of " + heldDevices(holdDevices) + " stay processing"));
    }
    return server.getPort();
  }

  static Set<String> heldDevices(List<String> configured) {
    return configured.stream()
        .map(String::strip)
        .filter(device -> !device.isEmpty() && !device.equals(HOLD_NONE))
        .collect(Collectors.toUnmodifiableSet());
  }

  static int checkedPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "EMBEDDED_WORKER_PORT must be 0 (a free port) or a port from 1 to 65535, not " + port);
    }
    return port;
  }

  /** Where the worker channel dials the embedded worker; asking starts it. */
  @Produces
  @Dependent
  @Named(ADDRESS)
  InetSocketAddress address() {
    return new InetSocketAddress(LOOPBACK, start());
  }

  /** Where the embedded worker writes its CSV files, for downloads to read; asking starts it. */
  @Produces
  @Dependent
  @Named(CSV_DIRECTORY)
  synchronized Path publishedCsvDirectory() {
    start();
    return csvDirectory;
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
