package io.oteldemo.jobs;

import io.oteldemo.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses, once, where the job registry lives: in Redis when {@code REDIS_URL} is set, so every
 * replica answers for every job; otherwise in this process. {@code JOB_RETENTION} is checked as the
 * application starts.
 */
@ApplicationScoped
public class JobRegistryProducer {

  private static final Logger LOG = Logger.getLogger(JobRegistryProducer.class.getName());

  @Inject RedisConnection redis;

  @Inject
  @ConfigProperty(name = "JOB_RETENTION")
  String retentionSetting;

  private Duration retention;

  @PostConstruct
  void load() {
    retention = DurationSetting.parse("JOB_RETENTION", retentionSetting);
  }

  /** Checks the retention as the application starts, so a bad one stops the deployment. */
  void checkAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  @Produces
  @ApplicationScoped
  JobRegistry registry() {
    Clock clock = Clock.systemUTC();
    JobRegistry registry =
        redis
            .client()
            .<JobRegistry>map(client -> new RedisJobRegistry(client, clock, retention))
            .orElseGet(() -> new InMemoryJobRegistry(clock, retention));
    LOG.info(
        () -> "Job registry: " + registry.getClass().getSimpleName() + ", retention " + retention);
    return registry;
  }

  @Produces
  @ApplicationScoped
  JobSlotLock slotLock() {
    return redis
        .client()
        .<JobSlotLock>map(RedisJobSlotLock::new)
        .orElseGet(() -> new InProcessJobSlotLock(Clock.systemUTC()));
  }
}
