package io.oteldemo.redis;

import io.oteldemo.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.Protocol.ClusterKeyword;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis Cluster of the tests' own: three masters with a replica each, from the same redis-server
 * binary, formed without redis-cli (CLUSTER MEET, ADDSLOTS and REPLICATE sent from a client), with
 * a node timeout of a second so that a failover happens within a test's patience.
 */
public final class RedisClusterProcesses implements RedisDeployment {

  private static final int MASTERS = 3;
  private static final int SLOTS = 16_384;
  private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

  private final List<RedisProcess> nodes;
  private final Path dir;

  private RedisClusterProcesses(List<RedisProcess> nodes, Path dir) {
    this.nodes = nodes;
    this.dir = dir;
  }

  /** Starts six nodes and forms the cluster; returns once every node sees it whole. */
  public static RedisClusterProcesses start() {
    Path dir = tempDir();
    List<RedisProcess> nodes = new ArrayList<>();
    for (int i = 0; i < 2 * MASTERS; i++) {
      int port = freeClusterPort();
      nodes.add(
          RedisProcess.start(
              List.of(
                  "--cluster-enabled",
                  "yes",
                  "--cluster-config-file",
                  dir.resolve("nodes-" + port + ".conf").toString(),
                  "--cluster-node-timeout",
                  "1000",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  dir.toString()),
              port));
    }
    RedisClusterProcesses cluster = new RedisClusterProcesses(nodes, dir);
    try {
      cluster.form();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void form() {
    for (RedisProcess node : nodes.subList(1, nodes.size())) {
      admin(nodes.get(0), Command.CLUSTER, "MEET", "127.0.0.1", Integer.toString(node.port()));
    }
    for (int m = 0; m < MASTERS; m++) {
      List<String> args = new ArrayList<>(List.of("ADDSLOTS"));
      for (int slot = m * SLOTS / MASTERS; slot < (m + 1) * SLOTS / MASTERS; slot++) {
        args.add(Integer.toString(slot));
      }
      admin(nodes.get(m), Command.CLUSTER, args.toArray(String[]::new));
    }
    for (int m = 0; m < MASTERS; m++) {
      String masterId = nodeId(nodes.get(m));
      RedisProcess replica = nodes.get(MASTERS + m);
      await(
          () -> knows(replica, masterId),
          "replica on " + replica.port() + " to learn of its master");
      admin(replica, Command.CLUSTER, "REPLICATE", masterId);
    }
    for (RedisProcess node : nodes) {
      await(() -> whole(node), "node " + node.port() + " to see the cluster whole");
    }
  }

  /** Every node's state ok, three masters and three replicas in sync. */
  private static boolean whole(RedisProcess node) {
    String info = (String) admin(node, Command.CLUSTER, "INFO");
    if (!info.contains("cluster_state:ok")) {
      return false;
    }
    String view = (String) admin(node, Command.CLUSTER, "NODES");
    long masters = view.lines().filter(line -> line.contains("master")).count();
    long replicas = view.lines().filter(line -> line.contains("slave")).count();
    return masters == MASTERS && replicas == MASTERS && !view.contains("fail");
  }

  private static boolean knows(RedisProcess node, String id) {
    return ((String) admin(node, Command.CLUSTER, "NODES")).contains(id);
  }

  static String nodeId(RedisProcess node) {
    return (String) admin(node, Command.CLUSTER, ClusterKeyword.MYID.name());
  }

  static Object admin(RedisProcess node, Command command, String... args) {
    try (UnifiedJedis client = node.client(ADMIN_TIMEOUT)) {
      Object reply = client.sendCommand(command, args);
      return reply instanceof byte[] bytes ? new String(bytes) : reply;
    }
  }

  /** The nodes, masters first as formed (a failover may have swapped roles since). */
  public List<RedisProcess> nodes() {
    return List.copyOf(nodes);
  }

  public String seeds() {
    return nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
  }

  @Override
  public UnifiedJedis client(Duration timeout) {
    return new RedisTopology.Cluster(
            RedisNodes.parse("REDIS_CLUSTER_NODES", seeds()), RedisAccess.NONE)
        .connect(timeout);
  }

  @Override
  public void flushAll() {
    for (RedisProcess node : nodes) {
      if (isMaster(node)) {
        admin(node, Command.FLUSHALL);
      }
    }
  }

  private static boolean isMaster(RedisProcess node) {
    String info = (String) admin(node, Command.INFO, "replication");
    return info.contains("role:master");
  }

  @Override
  public Map<String, String> settings() {
    return Map.of("REDIS_CLUSTER_NODES", seeds());
  }

  @Override
  public void close() {
    nodes.forEach(RedisProcess::close);
    TempFiles.delete(dir);
  }

  /** A free port whose cluster bus port (10000 above it) is free too. */
  private static int freeClusterPort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = RedisProcess.freePort();
      if (port + 10_000 <= 65_535 && free(port + 10_000)) {
        return port;
      }
    }
    throw new IllegalStateException("No free port pair for a cluster node");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("redis-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void await(java.util.function.BooleanSupplier condition, String what) {
    Await.until(condition, FORM_TIMEOUT, "Waited in vain for " + what);
  }
}
