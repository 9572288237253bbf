package io.oteldemo.redis;

import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;

/**
 * How a connection to a Redis node authenticates and whether it speaks TLS, with the application's
 * timeouts and database. Its {@link #toString()} never shows the password.
 */
public record RedisAccess(
    Optional<String> user, Optional<String> password, boolean tls, int database) {

  static final RedisAccess NONE = new RedisAccess(Optional.empty(), Optional.empty(), false, 0);

  JedisClientConfig clientConfig(Duration timeout) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) timeout.toMillis())
            .socketTimeoutMillis((int) timeout.toMillis())
            .database(database)
            .ssl(tls)
            .clientName("otel-demo");
    user.ifPresent(config::user);
    password.ifPresent(config::password);
    return config.build();
  }

  @Override
  public String toString() {
    return (tls ? "TLS" : "plain")
        + user.map(name -> ", user " + name).orElse("")
        + password.map(secret -> ", password ***").orElse("");
  }
}
