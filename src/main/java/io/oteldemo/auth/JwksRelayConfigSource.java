package io.oteldemo.auth;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points MicroProfile JWT at the application's JWKS relay ({@link JwksRelayResource}), above every
 * other setting: Liberty prefers {@code mp.jwt.verify.publickey.location} to server.xml's {@code
 * jwksUri}, and an operator's {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} must reach the relay as its
 * upstream ({@code AUTH_JWKS_LOCATION}), not bypass it.
 */
public class JwksRelayConfigSource implements ConfigSource {

  static final String LOCATION = "mp.jwt.verify.publickey.location";

  /** On this server's HTTP port: the http.port system property (Liberty's default 9080). */
  static final String RELAY_URL = "http://127.0.0.1:${http.port:9080}/auth/jwks";

  private static final int ORDINAL = 900;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(LOCATION, RELAY_URL);
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(LOCATION);
  }

  @Override
  public String getValue(String propertyName) {
    return LOCATION.equals(propertyName) ? RELAY_URL : null;
  }

  @Override
  public String getName() {
    return "otel-demo JWKS relay";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
