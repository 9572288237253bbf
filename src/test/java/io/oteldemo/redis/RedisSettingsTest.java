package io.oteldemo.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisSettingsTest {

  private static RedisSettings settings(
      String url, String cluster, String master, String sentinels, String password, boolean tls) {
    return new RedisSettings(
        Optional.ofNullable(url),
        Optional.ofNullable(cluster),
        Optional.ofNullable(master),
        Optional.ofNullable(sentinels),
        Optional.empty(),
        Optional.ofNullable(password),
        tls,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void nothingSetKeepsTheStateInProcess() {
    assertEquals(Optional.empty(), settings(null, null, null, null, null, false).topology());
    assertEquals(Optional.empty(), settings(" ", "", null, null, null, false).topology());
  }

  @Test
  void aUrlIsOneNode() {
    RedisTopology topology =
        settings("redis://cache:6380/1", null, null, null, null, false).topology().orElseThrow();
    assertInstanceOf(RedisTopology.Standalone.class, topology);
    assertEquals("redis://cache:6380/1", topology.toString());
  }

  @Test
  void clusterNodesAreSeedsWithTheirAccess() {
    RedisTopology topology =
        settings(null, "redis-0:6379, redis-1:6380", null, null, "s3cret", true)
            .topology()
            .orElseThrow();
    RedisTopology.Cluster cluster = assertInstanceOf(RedisTopology.Cluster.class, topology);
    assertEquals(
        List.of(new HostAndPort("redis-0", 6379), new HostAndPort("redis-1", 6380)),
        List.copyOf(cluster.seeds()));
    assertTrue(cluster.access().tls());
    assertEquals(Optional.of("s3cret"), cluster.access().password());
    assertFalse(topology.toString().contains("s3cret"), topology::toString);
  }

  @Test
  void sentinelNamesItsMasterAndNodes() {
    RedisTopology topology =
        settings(null, null, "mymaster", "s-0:26379,s-1:26379,s-2:26379", null, false)
            .topology()
            .orElseThrow();
    RedisTopology.Sentinel sentinel = assertInstanceOf(RedisTopology.Sentinel.class, topology);
    assertEquals("mymaster", sentinel.master());
    assertEquals(3, sentinel.sentinels().size());
  }

  @Test
  void twoTopologiesAtOnceAreRefusedNamingBoth() {
    IllegalArgumentException urlAndCluster =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings("redis://a:6379", "b:6379", null, null, null, false).topology());
    assertTrue(
        urlAndCluster.getMessage().contains("REDIS_URL and REDIS_CLUSTER_NODES"),
        urlAndCluster::getMessage);
    IllegalArgumentException clusterAndSentinel =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings(null, "b:6379", "m", "s:26379", null, false).topology());
    assertTrue(
        clusterAndSentinel
            .getMessage()
            .contains("REDIS_CLUSTER_NODES and REDIS_SENTINEL_MASTER with REDIS_SENTINEL_NODES"),
        clusterAndSentinel::getMessage);
  }

  @Test
  void halfOfSentinelsPairIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings(null, null, "mymaster", null, null, false).topology());
    assertTrue(e.getMessage().contains("REDIS_SENTINEL_NODES"), e::getMessage);
  }

  @Test
  void accessSettingsBesideAUrlOrWithoutRedisAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings("redis://a:6379", null, null, null, "pw", false).topology());
    assertTrue(e.getMessage().contains("REDIS_URL carries its own"), e::getMessage);
    assertThrows(
        IllegalArgumentException.class,
        () -> settings(null, null, null, null, null, true).topology());
  }

  @Test
  void aMalformedNodeIsRefusedNamingTheSettingNotTheValue() {
    for (String nodes :
        List.of("redis-0", "redis-0:", ":6379", "redis-0:http", "a:1,,b:2", "a:0")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> settings(null, nodes, null, null, null, false).topology(),
              nodes);
      assertTrue(e.getMessage().startsWith("REDIS_CLUSTER_NODES is not usable"), e::getMessage);
    }
  }

  @Test
  void theSettingsNeverShowAPassword() {
    RedisSettings settings =
        new RedisSettings(
            Optional.of("redis://:url-secret@a:6379"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("node-secret"),
            false,
            Optional.empty(),
            Optional.of("sentinel-secret"));
    assertFalse(settings.toString().contains("secret"), settings::toString);
  }
}
