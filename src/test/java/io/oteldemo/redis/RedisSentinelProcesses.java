package io.oteldemo.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.UnifiedJedis;

/**
 * A master and its replica watched by three sentinels (quorum two), all of the tests' own, from the
 * same redis-server binary; a master unreachable for a second is failed over.
 */
public final class RedisSentinelProcesses implements RedisDeployment {

  public static final String MASTER_NAME = "otel-demo";
  private static final int SENTINELS = 3;

  private final List<RedisProcess> data;
  private final List<RedisProcess> sentinels;
  private final Path dir;

  private RedisSentinelProcesses(List<RedisProcess> data, List<RedisProcess> sentinels, Path dir) {
    this.data = data;
    this.sentinels = sentinels;
    this.dir = dir;
  }

  /** Starts master, replica and sentinels; returns once the replica is in sync. */
  public static RedisSentinelProcesses start() {
    Path dir = tempDir();
    List<RedisProcess> data = new ArrayList<>();
    List<RedisProcess> sentinels = new ArrayList<>();
    RedisSentinelProcesses deployment = new RedisSentinelProcesses(data, sentinels, dir);
    try {
      // A replica's first sync writes a snapshot: into the deployment's own directory.
      List<String> ephemeral = List.of("--save", "", "--appendonly", "no", "--dir", dir.toString());
      RedisProcess master = RedisProcess.start(ephemeral);
      data.add(master);
      List<String> replicaOf = new ArrayList<>(ephemeral);
      replicaOf.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
      RedisProcess replica = RedisProcess.start(replicaOf);
      data.add(replica);
      for (int i = 0; i < SENTINELS; i++) {
        sentinels.add(RedisProcess.start(List.of(config(dir, i, master.port()), "--sentinel")));
      }
      RedisClusterProcesses.await(
          () -> info(replica).contains("master_link_status:up"), "the replica to sync");
      for (RedisProcess sentinel : sentinels) {
        RedisClusterProcesses.await(
            () -> knowsMaster(sentinel), "sentinel " + sentinel.port() + " to know the master");
      }
    } catch (RuntimeException e) {
      deployment.close();
      throw e;
    }
    return deployment;
  }

  private static String config(Path dir, int index, int masterPort) {
    Path file = dir.resolve("sentinel-" + index + ".conf");
    String config =
        String.join(
            "\n",
            "dir " + dir,
            "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 2",
            "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
            "sentinel failover-timeout " + MASTER_NAME + " 5000",
            "sentinel parallel-syncs " + MASTER_NAME + " 1",
            "");
    try {
      Files.writeString(file, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toString();
  }

  private static boolean knowsMaster(RedisProcess sentinel) {
    Object reply =
        RedisClusterProcesses.admin(
            sentinel, Command.SENTINEL, "get-master-addr-by-name", MASTER_NAME);
    return reply instanceof List<?> address && !address.isEmpty();
  }

  /**
   * Waits until every sentinel knows the replica and the other sentinels, as a failover needs
   * (sentinels find each other through the master within a few seconds).
   */
  public void awaitReadyForFailover() {
    for (RedisProcess sentinel : sentinels) {
      RedisClusterProcesses.await(
          () ->
              count(sentinel, "replicas") == data.size() - 1
                  && count(sentinel, "sentinels") == SENTINELS - 1,
          "sentinel " + sentinel.port() + " to know the replica and its peers");
    }
  }

  private static int count(RedisProcess sentinel, String what) {
    return ((List<?>) RedisClusterProcesses.admin(sentinel, Command.SENTINEL, what, MASTER_NAME))
        .size();
  }

  static String info(RedisProcess node) {
    return (String) RedisClusterProcesses.admin(node, Command.INFO, "replication");
  }

  /** The data nodes, the first master at start. */
  public List<RedisProcess> dataNodes() {
    return List.copyOf(data);
  }

  public List<RedisProcess> sentinels() {
    return List.copyOf(sentinels);
  }

  public String sentinelNodes() {
    return sentinels.stream()
        .map(node -> "127.0.0.1:" + node.port())
        .collect(Collectors.joining(","));
  }

  @Override
  public UnifiedJedis client(Duration timeout) {
    return new RedisTopology.Sentinel(
            MASTER_NAME,
            RedisNodes.parse("REDIS_SENTINEL_NODES", sentinelNodes()),
            RedisAccess.NONE,
            RedisAccess.NONE)
        .connect(timeout);
  }

  @Override
  public void flushAll() {
    for (RedisProcess node : data) {
      if (info(node).contains("role:master")) {
        RedisClusterProcesses.admin(node, Command.FLUSHALL);
      }
    }
  }

  @Override
  public Map<String, String> settings() {
    return Map.of("REDIS_SENTINEL_MASTER", MASTER_NAME, "REDIS_SENTINEL_NODES", sentinelNodes());
  }

  @Override
  public void close() {
    sentinels.forEach(RedisProcess::close);
    data.forEach(RedisProcess::close);
    TempFiles.delete(dir);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("redis-sentinel");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
