package io.oteldemo.redis;

import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/** A list of Redis nodes as the settings give it: {@code host:port,host:port,…}. */
final class RedisNodes {

  private RedisNodes() {}

  /**
   * @param setting the setting's name, for the message when the value is not usable
   */
  static Set<HostAndPort> parse(String setting, String value) {
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    for (String node : value.split(",")) {
      nodes.add(node(setting, node.trim()));
    }
    return java.util.Collections.unmodifiableSet(nodes);
  }

  private static HostAndPort node(String setting, String node) {
    int colon = node.lastIndexOf(':');
    if (colon <= 0 || colon == node.length() - 1) {
      throw invalid(setting, "every node must be host:port, e.g. redis-0.redis:6379");
    }
    String host = node.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(node.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw invalid(setting, "a node's port is not a number");
    }
    if (port < 1 || port > 65_535) {
      throw invalid(setting, "a node's port is out of range");
    }
    return new HostAndPort(host, port);
  }

  private static IllegalArgumentException invalid(String setting, String why) {
    return new IllegalArgumentException(setting + " is not usable: " + why);
  }
}
