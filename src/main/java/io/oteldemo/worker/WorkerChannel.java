package io.oteldemo.worker;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.opentelemetry.api.OpenTelemetry;
import io.oteldemo.telemetry.GrpcClientTracing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Owns the one long-lived channel to the worker, for the whole life of the application. The
 * embedded worker is reached through a loopback socket, by the same code path as a remote one: this
 * class knows only its address, the bean named {@value #EMBEDDED_WORKER_ADDRESS} that the embedded
 * worker publishes (and asking for which starts it).
 */
@ApplicationScoped
public class WorkerChannel {

  private static final Logger LOG = Logger.getLogger(WorkerChannel.class.getName());

  /** grpc-go servers answer pings more frequent than every 5 minutes with GOAWAY. */
  private static final long KEEPALIVE_MINUTES = 6;

  private static final long KEEPALIVE_TIMEOUT_SECONDS = 20;
  private static final long SHUTDOWN_GRACE_SECONDS = 5;

  @Inject WorkerSettings settings;

  /** The embedded worker's address, published by the embedded worker itself. */
  static final String EMBEDDED_WORKER_ADDRESS = "embeddedDistanceWorkerAddress";

  @Inject
  @Named(EMBEDDED_WORKER_ADDRESS)
  Provider<InetSocketAddress> embeddedWorker;

  /** MicroProfile Telemetry's instance: a CLIENT span and a traceparent on every call. */
  @Inject OpenTelemetry openTelemetry;

  private WorkerEndpoint endpoint;
  private String target;
  private ManagedChannel channel;
  private final Channel reconnecting = new ReconnectingChannel();

  @PostConstruct
  void open() {
    endpoint = settings.endpoint();
    target =
        endpoint.mode() == WorkerEndpoint.Mode.EMBEDDED
            ? loopbackTarget(embeddedWorker.get())
            : endpoint.target();
    ManagedChannelBuilder<?> builder =
        ManagedChannelBuilder.forTarget(target)
            .usePlaintext()
            .keepAliveTime(KEEPALIVE_MINUTES, TimeUnit.MINUTES)
            .keepAliveTimeout(KEEPALIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .keepAliveWithoutCalls(false)
            .intercept(new GrpcClientTracing(openTelemetry));
    if (endpoint.mode() == WorkerEndpoint.Mode.DNS_ROUND_ROBIN) {
      builder.defaultLoadBalancingPolicy("round_robin");
    }
    channel = builder.build();
    LOG.info(() -> "Distance worker channel to " + target + " (" + endpoint.mode() + ")");
  }

  private static String loopbackTarget(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  /** Opens the channel as the application starts, so a bad endpoint stops the deployment. */
  void openAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  /** The channel every call goes through (see {@link ReconnectingChannel}). */
  public Channel channel() {
    return reconnecting;
  }

  public WorkerEndpoint endpoint() {
    return endpoint;
  }

  /** The address the channel dials, e.g. for health reports. */
  public String target() {
    return target;
  }

  public boolean isShutdown() {
    return channel.isShutdown();
  }

  @PreDestroy
  void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Dials again at once when a call finds the channel failing. Left alone, grpc-java waits out a
   * reconnect backoff that grows to two minutes, so a worker back after a long outage would stay
   * unreachable for that long. The circuit breakers, and the readiness probe's interval, already
   * bound how often calls (and so new dials) come while the worker is down.
   */
  private final class ReconnectingChannel extends Channel {

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
      if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
        channel.resetConnectBackoff();
      }
      return channel.newCall(method, options);
    }

    @Override
    public String authority() {
      return channel.authority();
    }
  }
}
