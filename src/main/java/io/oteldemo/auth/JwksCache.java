package io.oteldemo.auth;

import io.oteldemo.telemetry.TraceIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The issuer's key set, fetched again at most once per cool-down. Liberty fetches the JWKS anew for
 * every token with an unknown {@code kid}, so without this a stream of forged tokens would become a
 * stream of requests to Cognito; with it, a new signing key is still picked up within one
 * cool-down, as aws-jwt-verify does.
 */
public final class JwksCache {

  private static final Logger LOG = Logger.getLogger(JwksCache.class.getName());
  public static final Duration COOLDOWN = Duration.ofSeconds(10);

  private final Supplier<String> upstream;
  private final Clock clock;
  private final Duration cooldown;
  private String keys;
  private Instant fetchedAt = Instant.MIN;

  public JwksCache(Supplier<String> upstream, Clock clock, Duration cooldown) {
    this.upstream = upstream;
    this.clock = clock;
    this.cooldown = cooldown;
  }

  /**
   * The key set: fetched again when the last attempt is older than the cool-down (failed attempts
   * too, so an unreachable issuer is not hammered); the last good copy when the issuer cannot be
   * reached.
   *
   * @throws IllegalStateException when no copy could be fetched yet
   */
  public synchronized String keys() {
    Instant now = clock.instant();
    if (!now.isBefore(fetchedAt.plus(cooldown))) {
      fetchedAt = now;
      try {
        keys = upstream.get();
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Cannot fetch the token issuer's keys"
                + (keys == null ? "" : "; using the last copy")
                + " "
                + TraceIds.logTag(),
            e);
      }
    }
    if (keys == null) {
      throw new IllegalStateException("The token issuer's keys cannot be fetched");
    }
    return keys;
  }
}
