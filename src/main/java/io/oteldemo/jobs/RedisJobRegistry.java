package io.oteldemo.jobs;

import io.oteldemo.redis.RedisCommands;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The job registry in Redis, so that any replica can answer for any job. Keys, each with its own
 * expiry of one retention period:
 *
 * <ul>
 *   <li>{@code job:<jobId>}: the job (owner, date, device, registration time) as JSON, for lookups
 *       by id alone;
 *   <li>{@code jobs:{<owner>}}: a sorted set of the owner's job ids by registration time, for
 *       listing, trimmed to the retention period and {@value #MAX_JOBS_PER_OWNER} entries;
 *   <li>{@code jobs:{<owner>}:latest:<date>:<device>}: the slot's latest job id, for duplicate
 *       detection;
 *   <li>{@code jobs:{<owner>}:completed:<date>:<device>}: a job of the slot seen completed, for
 *       downloads; it expires with that job.
 * </ul>
 *
 * The owner's keys share the hash tag {@code {<owner>}}, so the script that updates them together
 * runs on Redis Cluster too.
 */
public final class RedisJobRegistry implements JobRegistry {

  /** Looked up once: Json.createReader and its kin look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int MAX_JOBS_PER_OWNER = 10_000;

  /** KEYS: owner's index, slot's latest; ARGV: job id, score, exclusive cutoff, ttl ms, cap. */
  private static final String INDEX_SCRIPT =
      """
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
      redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[5]) + 1))
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[4])
      return 1
      """;

  private final UnifiedJedis redis;
  private final Clock clock;
  private final Duration retention;

  public RedisJobRegistry(UnifiedJedis redis, Clock clock, Duration retention) {
    this.redis = redis;
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public void register(RegisteredJob job) {
    long ttl = retention.toMillis();
    long score = job.registeredAt().toEpochMilli();
    RedisCommands.run(
        "register a job",
        () -> {
          redis.set(jobKey(job.jobId()), toJson(job), SetParams.setParams().px(ttl));
          return redis.eval(
              INDEX_SCRIPT,
              List.of(ownerKey(job.owner()), latestKey(job.slot())),
              List.of(
                  job.jobId(),
                  Long.toString(score),
                  "(" + (score - ttl),
                  Long.toString(ttl),
                  Integer.toString(MAX_JOBS_PER_OWNER)));
        });
  }

  @Override
  public Optional<RegisteredJob> find(String jobId) {
    return Optional.ofNullable(RedisCommands.run("find a job", () -> redis.get(jobKey(jobId))))
        .map(json -> fromJson(jobId, json));
  }

  @Override
  public Set<String> jobIdsOf(String owner) {
    long oldestKept = clock.instant().minus(retention).toEpochMilli();
    return new LinkedHashSet<>(
        RedisCommands.run(
            "list a user's jobs",
            () -> redis.zrangeByScore(ownerKey(owner), Long.toString(oldestKept), "+inf")));
  }

  @Override
  public Optional<String> latestJobId(JobSlot slot) {
    return Optional.ofNullable(
        RedisCommands.run("find a user's latest job", () -> redis.get(latestKey(slot))));
  }

  @Override
  public void markCompleted(RegisteredJob job) {
    long ttl = Duration.between(clock.instant(), job.registeredAt().plus(retention)).toMillis();
    if (ttl <= 0) {
      return;
    }
    RedisCommands.run(
        "mark a job completed",
        () -> redis.set(completedKey(job.slot()), job.jobId(), SetParams.setParams().px(ttl)));
  }

  @Override
  public Optional<String> completedJobId(JobSlot slot) {
    return Optional.ofNullable(
        RedisCommands.run("find a user's completed job", () -> redis.get(completedKey(slot))));
  }

  static String jobKey(String jobId) {
    return "job:" + jobId;
  }

  static String ownerKey(String owner) {
    return "jobs:{" + owner + "}";
  }

  static String latestKey(JobSlot slot) {
    return ownerKey(slot.owner()) + ":latest:" + slot.name();
  }

  static String completedKey(JobSlot slot) {
    return ownerKey(slot.owner()) + ":completed:" + slot.name();
  }

  private static String toJson(RegisteredJob job) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("owner", job.owner())
            .add("date", job.date().toString())
            .add("registered_at", job.registeredAt().toString());
    job.deviceId().ifPresent(device -> json.add("device_id", device));
    return json.build().toString();
  }

  private static RegisteredJob fromJson(String jobId, String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      JsonObject json = reader.readObject();
      return new RegisteredJob(
          jobId,
          json.getString("owner"),
          LocalDate.parse(json.getString("date")),
          Optional.ofNullable(json.getString("device_id", null)),
          Instant.parse(json.getString("registered_at")));
    }
  }
}
