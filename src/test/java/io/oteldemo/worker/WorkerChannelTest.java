package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.opentelemetry.api.OpenTelemetry;
import io.oteldemo.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel to the worker over a real socket: a worker that comes back is reached at once. */
class WorkerChannelTest {

  /** grpc-java's first reconnect backoff is 1 s, jittered by 20 %: at least 800 ms. */
  private static final Duration LESS_THAN_THE_BACKOFF = Duration.ofMillis(400);

  private final WorkerChannel channel = new WorkerChannel();
  private Server worker;

  @AfterEach
  void close() {
    channel.close();
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  @Test
  void aWorkerBackAfterAFailedDialIsReachedAtOnceNotAfterTheReconnectBackoff() throws Exception {
    // Netty's classes loaded before the clock matters: the backoff after one failed dial is ~1 s.
    serve(0).shutdownNow().awaitTermination();
    int port = freePort();
    channel.settings = WorkerSettings.of("127.0.0.1:" + port, Duration.ofSeconds(5));
    channel.openTelemetry = OpenTelemetry.noop();
    channel.open();
    GrpcDistanceWorkerClient client =
        GrpcDistanceWorkerClient.over(channel.channel(), Duration.ofSeconds(5));
    assertEquals(WorkerHealth.UNREACHABLE, client.health(), "nothing listens yet");

    worker = serve(port);

    // The call that finds the channel failing starts a new dial; it may itself still fail fast.
    client.health();
    assertEquals(
        WorkerHealth.SERVING,
        Await.value(client::health, WorkerHealth.SERVING::equals, LESS_THAN_THE_BACKOFF),
        "the worker is reached again before the channel's reconnect backoff would have let it");
  }

  private static Server serve(int port) throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .addService(health.getHealthService())
        .build()
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
