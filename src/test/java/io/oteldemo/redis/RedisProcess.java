package io.oteldemo.redis;

import io.oteldemo.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis server the tests own: the redis-server binary the build unpacked, on a free loopback
 * port, with nothing persisted. Tests can stop and restart it to see what the application does.
 * Unit tests get one through {@link io.oteldemo.testing.RedisServer}, which also stops it.
 */
public final class RedisProcess implements RedisDeployment {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  /** Nothing persisted: a restarted server starts empty. */
  private static final List<String> EPHEMERAL = List.of("--save", "", "--appendonly", "no");

  private final Path binary;
  private final int port;
  private final List<String> options;
  private Process process;

  private RedisProcess(Path binary, int port, List<String> options) {
    this.binary = binary;
    this.port = port;
    this.options = options;
  }

  /** Starts a new server on a free port. */
  public static RedisProcess start() {
    return start(EPHEMERAL);
  }

  /**
   * Starts a new server on a free port with these options (a config file first, if any, as
   * redis-server takes it); the port and loopback binding are added.
   */
  static RedisProcess start(List<String> options) {
    return start(options, freePort());
  }

  static RedisProcess start(List<String> options, int port) {
    RedisProcess redis = new RedisProcess(binary(), port, options);
    redis.restart();
    return redis;
  }

  /** A handle on a server already running on a port (e.g. the one the build started). */
  public static RedisProcess attach(int port) {
    return new RedisProcess(binary(), port, EPHEMERAL);
  }

  private static Path binary() {
    Path binary = Path.of(System.getProperty("redis.server.path", "target/redis/redis-server"));
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "No redis-server binary at "
              + binary
              + " (the build unpacks it in process-test-resources)");
    }
    return binary;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** A client of this node with the application's own settings. */
  @Override
  public UnifiedJedis client(Duration timeout) {
    return RedisConnection.connect(RedisEndpoint.parse(url()), timeout);
  }

  @Override
  public void flushAll() {
    try (UnifiedJedis client = client(Duration.ofSeconds(2))) {
      client.flushAll();
    }
  }

  @Override
  public Map<String, String> settings() {
    return Map.of("REDIS_URL", url());
  }

  /** Starts the server (again) on the same port and waits until it answers. */
  public void restart() {
    try {
      List<String> command = new ArrayList<>(List.of(binary.toString()));
      command.addAll(options);
      command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1"));
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      // A server the tests started never outlives the test JVM, even if a test leaves it up.
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitAnswer();
  }

  /** Stops the server: a dead Redis, as far as the application can tell. */
  public void stop() {
    try (UnifiedJedis client = client(Duration.ofSeconds(2))) {
      client.sendCommand(redis.clients.jedis.Protocol.Command.SHUTDOWN, "NOSAVE");
    } catch (RuntimeException e) {
      // the server closes the connection as it stops
    }
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    awaitPortFree();
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitAnswer() {
    Await.until(this::answers, START_TIMEOUT, "redis-server did not answer on port " + port);
  }

  private boolean answers() {
    try (UnifiedJedis client = client(Duration.ofMillis(500))) {
      return "PONG".equals(client.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void awaitPortFree() {
    Await.until(
        this::portFree, START_TIMEOUT, "port " + port + " still taken after redis-server stopped");
  }

  private boolean portFree() {
    try (ServerSocket socket =
        new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
