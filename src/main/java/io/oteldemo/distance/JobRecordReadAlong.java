package io.oteldemo.distance;

import io.oteldemo.jobs.JobRegistry;
import io.oteldemo.ratelimit.ReadAlong;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * The caller's job record, read along with the rate-limit decision of {@code GET /jobs/{id}}: a
 * finished job is then answered with no other Redis round trip and no worker call. A malformed id
 * reads nothing (it is answered 404 without the registry).
 */
@ApplicationScoped
public class JobRecordReadAlong implements ReadAlong {

  @Inject JobRegistry registry;

  @Override
  public Optional<String> hashKey(String subject, ContainerRequestContext request) {
    return Optional.ofNullable(request.getUriInfo().getPathParameters().getFirst("id"))
        .filter(DistanceRules::isJobId)
        .flatMap(id -> registry.recordKey(subject, id));
  }
}
