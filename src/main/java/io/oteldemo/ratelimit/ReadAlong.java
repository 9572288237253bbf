package io.oteldemo.ratelimit;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * A Redis hash that a rate-limited resource method will read, named before the rate-limit decision
 * so that the decision's script reads it in the same round trip ({@link RateLimited#readAlong()});
 * the method then finds its fields in {@link ReadAlongHashes}. Only a hash of the caller's own (a
 * key carrying the caller's hash tag {@code {<sub>}}) is read. Implementations are CDI beans.
 */
public interface ReadAlong {

  /** The hash to read for this request, or empty to read nothing. */
  Optional<String> hashKey(String subject, ContainerRequestContext request);
}
