package io.oteldemo.it;

import io.oteldemo.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The commands the build's Redis processed while a test acted, from {@code MONITOR}: each command a
 * client sent is one line, and the commands a Lua script ran are marked {@code [<db> lua]}, so the
 * round trips of a request can be counted from its clients' lines.
 */
public final class RedisCommandLog implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern FROM_A_SCRIPT = Pattern.compile("^\\S+ \\[\\d+ lua\\]");

  private final int port;
  private final Jedis monitor;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Thread reader;

  private RedisCommandLog(int port) {
    this.port = port;
    this.monitor = new Jedis("127.0.0.1", port);
    this.reader = new Thread(this::read, "redis-monitor");
    reader.setDaemon(true);
  }

  /** Starts recording what the build's Redis processes. */
  public static RedisCommandLog ofBuildRedis() {
    RedisCommandLog log = new RedisCommandLog(Integer.getInteger("it.redis.port"));
    log.reader.start();
    log.await(log.started, "MONITOR to start");
    log.mark(); // MONITOR answers OK before it streams; a marker proves lines arrive
    log.lines.clear();
    return log;
  }

  private void read() {
    try {
      monitor.monitor(
          new JedisMonitor() {
            @Override
            public void onCommand(String command) {
              lines.add(command);
              started.countDown();
            }
          });
    } catch (JedisException closed) {
      // close() ends the monitor by closing its connection.
    }
  }

  /**
   * The commands clients sent (not those a script ran) that mention any of {@code texts}, up to
   * now: waits until a marker sent after them has come through.
   */
  public List<String> clientCommandsMentioning(String... texts) {
    mark();
    List<String> sent = new ArrayList<>();
    for (String line : lines) {
      boolean mentions = java.util.Arrays.stream(texts).anyMatch(line::contains);
      if (mentions && !FROM_A_SCRIPT.matcher(line).find()) {
        sent.add(line);
      }
    }
    return sent;
  }

  /** Sends a marker through another connection and waits until the monitor has seen it. */
  private void mark() {
    String marker = "marker-" + UUID.randomUUID();
    try (Jedis client = new Jedis("127.0.0.1", port)) {
      Await.until(
          () -> {
            client.echo(marker);
            return lines.stream().anyMatch(line -> line.contains(marker));
          },
          WAIT,
          "MONITOR did not show a marker");
    }
  }

  private void await(CountDownLatch latch, String what) {
    // The pings are commands for the monitor to see: the first line it sees proves it started.
    try (Jedis client = new Jedis("127.0.0.1", port)) {
      Await.until(
          () -> {
            client.ping();
            return latch.getCount() == 0;
          },
          WAIT,
          "Waited in vain for " + what);
    }
  }

  @Override
  public void close() {
    monitor.close();
  }
}
