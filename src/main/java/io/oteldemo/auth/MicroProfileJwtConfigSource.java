package io.oteldemo.auth;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * MicroProfile JWT's settings, fixed by the application above every other source, so that Liberty
 * checks a token exactly as {@link TokenVerifier} did before it (a token Liberty refuses is written
 * into its logs, so the two must never disagree):
 *
 * <ul>
 *   <li>the keys through the application's JWKS relay ({@link JwksRelayResource}): Liberty prefers
 *       {@code mp.jwt.verify.publickey.location} to server.xml's {@code jwksUri}, and an operator's
 *       {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} must reach the relay as its upstream ({@code
 *       AUTH_JWKS_LOCATION}), not bypass it;
 *   <li>RS256 only, from the {@code Authorization} header only;
 *   <li>none of the checks and token forms the verifier does not know (an inline key, audiences, a
 *       token age, a cookie, encrypted tokens; MicroProfile Config reads an empty value as unset),
 *       whatever the environment says; the clock skew is server.xml's {@code AUTH_CLOCK_SKEW}.
 * </ul>
 *
 * <p>The issuer is not fixed here: the verifier and Liberty read it from the same setting. Liberty
 * reads every one of these names for every request it authenticates; answered here, first, none of
 * them is looked for in the environment and the other sources (docs/PERFORMANCE.md).
 */
public class MicroProfileJwtConfigSource implements ConfigSource {

  static final String LOCATION = "mp.jwt.verify.publickey.location";

  /** On this server's HTTP port: the http.port system property (Liberty's default 9080). */
  static final String RELAY_URL = "http://127.0.0.1:${http.port:9080}/auth/jwks";

  /** The settings of MicroProfile JWT 2.1 that Liberty reads, but for the issuer. */
  static final Map<String, String> SETTINGS =
      Map.ofEntries(
          Map.entry(LOCATION, RELAY_URL),
          Map.entry("mp.jwt.verify.publickey.algorithm", "RS256"),
          Map.entry("mp.jwt.token.header", "Authorization"),
          Map.entry("mp.jwt.verify.publickey", ""),
          Map.entry("mp.jwt.verify.audiences", ""),
          Map.entry("mp.jwt.verify.token.age", ""),
          Map.entry("mp.jwt.verify.clock.skew", ""),
          Map.entry("mp.jwt.token.cookie", ""),
          Map.entry("mp.jwt.decrypt.key.location", ""),
          Map.entry("mp.jwt.decrypt.key.algorithm", ""));

  private static final int ORDINAL = 900;

  @Override
  public Map<String, String> getProperties() {
    return SETTINGS;
  }

  @Override
  public Set<String> getPropertyNames() {
    return SETTINGS.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return SETTINGS.get(propertyName);
  }

  @Override
  public String getName() {
    return "otel-demo MicroProfile JWT settings";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
