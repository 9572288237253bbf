package io.oteldemo.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Redis settings as configured, and the one topology they choose: {@code REDIS_URL} (one node),
 * {@code REDIS_CLUSTER_NODES} (a Redis Cluster's seed nodes) or {@code REDIS_SENTINEL_MASTER} with
 * {@code REDIS_SENTINEL_NODES}. Two topologies at once, half of Sentinel's pair, or credentials
 * that nothing would use are refused, naming the settings: the application must not start on a
 * guess about where its shared state is.
 */
public record RedisSettings(
    Optional<String> url,
    Optional<String> clusterNodes,
    Optional<String> sentinelMaster,
    Optional<String> sentinelNodes,
    Optional<String> user,
    Optional<String> password,
    boolean tls,
    Optional<String> sentinelUser,
    Optional<String> sentinelPassword) {

  static final String URL = "REDIS_URL";
  static final String CLUSTER_NODES = "REDIS_CLUSTER_NODES";
  static final String SENTINEL_MASTER = "REDIS_SENTINEL_MASTER";
  static final String SENTINEL_NODES = "REDIS_SENTINEL_NODES";

  public RedisSettings {
    url = present(url);
    clusterNodes = present(clusterNodes);
    sentinelMaster = present(sentinelMaster);
    sentinelNodes = present(sentinelNodes);
    user = present(user);
    password = password.filter(secret -> !secret.isEmpty());
    sentinelUser = present(sentinelUser);
    sentinelPassword = sentinelPassword.filter(secret -> !secret.isEmpty());
  }

  /** The topology, or empty when no Redis is configured (state kept in this process). */
  public Optional<RedisTopology> topology() {
    checkOneTopology();
    if (url.isPresent()) {
      checkNoSeparateAccess();
      return Optional.of(new RedisTopology.Standalone(RedisEndpoint.parse(url.get())));
    }
    RedisAccess access = new RedisAccess(user, password, tls, 0);
    if (clusterNodes.isPresent()) {
      checkNoSentinelAccess();
      return Optional.of(
          new RedisTopology.Cluster(RedisNodes.parse(CLUSTER_NODES, clusterNodes.get()), access));
    }
    if (sentinelMaster.isPresent()) {
      return Optional.of(
          new RedisTopology.Sentinel(
              sentinelMaster.get(),
              RedisNodes.parse(SENTINEL_NODES, sentinelNodes.get()),
              access,
              new RedisAccess(sentinelUser, sentinelPassword, tls, 0)));
    }
    checkNoSeparateAccess();
    checkNoSentinelAccess();
    return Optional.empty();
  }

  private void checkOneTopology() {
    List<String> chosen = new ArrayList<>();
    url.ifPresent(value -> chosen.add(URL));
    clusterNodes.ifPresent(value -> chosen.add(CLUSTER_NODES));
    if (sentinelMaster.isPresent() || sentinelNodes.isPresent()) {
      chosen.add(SENTINEL_MASTER + " with " + SENTINEL_NODES);
    }
    if (chosen.size() > 1) {
      throw new IllegalArgumentException(
          "Redis is configured twice: "
              + String.join(" and ", chosen)
              + " are set; set the settings of one topology only");
    }
    if (sentinelMaster.isPresent() != sentinelNodes.isPresent()) {
      throw new IllegalArgumentException(
          SENTINEL_MASTER + " and " + SENTINEL_NODES + " must be set together, or neither");
    }
  }

  private void checkNoSeparateAccess() {
    if (user.isPresent() || password.isPresent() || tls) {
      throw new IllegalArgumentException(
          "REDIS_USERNAME, REDIS_PASSWORD and REDIS_TLS apply to "
              + CLUSTER_NODES
              + " and "
              + SENTINEL_NODES
              + " only"
              + (url.isPresent()
                  ? ": " + URL + " carries its own (rediss://user:password@…)"
                  : ""));
    }
  }

  private void checkNoSentinelAccess() {
    if (sentinelUser.isPresent() || sentinelPassword.isPresent()) {
      throw new IllegalArgumentException(
          "REDIS_SENTINEL_USERNAME and REDIS_SENTINEL_PASSWORD apply to "
              + SENTINEL_NODES
              + " only");
    }
  }

  /** Which settings are set, never their values: the passwords are among them. */
  @Override
  public String toString() {
    return "RedisSettings[url="
        + url.isPresent()
        + ", clusterNodes="
        + clusterNodes.orElse("-")
        + ", sentinelMaster="
        + sentinelMaster.orElse("-")
        + ", sentinelNodes="
        + sentinelNodes.orElse("-")
        + ", tls="
        + tls
        + "]";
  }

  private static Optional<String> present(Optional<String> value) {
    return value.map(String::trim).filter(text -> !text.isEmpty());
  }
}
