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
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel to the worker over a real socket: a worker that comes back is reached at once. */
class WorkerChannelTest {

  private static final Duration LESS_THAN_THE_BACKOFF = Duration.ofSeconds(2);

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
  void aWorkerBackAfterAnOutageIsReachedAtOnceNotAfterTheReconnectBackoff() throws Exception {
    RefusingListener down = new RefusingListener();
    channel.settings = WorkerSettings.of("127.0.0.1:" + down.port(), Duration.ofSeconds(5));
    channel.openTelemetry = OpenTelemetry.noop();
    channel.open();
    GrpcDistanceWorkerClient client =
        GrpcDistanceWorkerClient.over(channel.channel(), Duration.ofSeconds(5));
    assertEquals(WorkerHealth.UNREACHABLE, client.health(), "the worker drops every connection");
    // grpc-java redials by itself after 1, 1.6 and 2.56 s (each jittered by 20 %): after the
    // fourth dial its next one is at least 3.3 s away.
    Await.until(() -> down.dials() >= 4, Duration.ofSeconds(20), "the channel's own redials");
    down.close();

    worker = serve(down.port());

    assertEquals(
        WorkerHealth.SERVING,
        Await.value(client::health, WorkerHealth.SERVING::equals, LESS_THAN_THE_BACKOFF),
        "the worker is reached again before the channel's reconnect backoff would have let it");
  }

  /** A port whose every connection is accepted, counted and dropped: a worker that is down. */
  private static final class RefusingListener implements AutoCloseable {

    private final ServerSocket socket = new ServerSocket();
    private final AtomicInteger dials = new AtomicInteger();
    private final Thread acceptor;

    RefusingListener() throws IOException {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      acceptor = new Thread(this::dropAll, "refusing-listener");
      acceptor.start();
    }

    private void dropAll() {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          dials.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    int dials() {
      return dials.get();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      acceptor.join();
    }
  }

  private static Server serve(int port) throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .addService(health.getHealthService())
        .build()
        .start();
  }
}
