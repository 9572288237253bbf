package io.oteldemo.jobs;

import io.oteldemo.redis.RedisCommands;
import io.oteldemo.redis.RedisHashTag;
import io.oteldemo.worker.WorkerJob;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The job registry in Redis, so that any replica can answer for any job. Keys, each with its own
 * expiry of one retention period:
 *
 * <ul>
 *   <li>{@code jobs:{<owner>}:job:<jobId>}: the job, a hash of its {@code entry} (date, device,
 *       registration and queue times, as JSON) and, once seen finished, its {@code final} view (the
 *       worker's report, as JSON). It shares the owner's hash tag with the owner's rate-limit
 *       buckets ({@code rl:{<owner>}:…}), so the rate-limit script can read it in the same round
 *       trip, and another user's job is simply not there;
 *   <li>{@code job:<jobId>}: the entry as the previous version stored it (with the owner), written
 *       too so that replicas of the previous version still find new jobs during a rolling upgrade,
 *       and read when a job's hash is missing, so that jobs they registered are still found;
 *   <li>{@code jobs:{<owner>}}: a sorted set of the owner's job ids by registration time, for
 *       listing, trimmed to the retention period and {@value #MAX_JOBS_PER_OWNER} entries;
 *   <li>{@code jobs:{<owner>}:latest:<date>:<device>}: the slot's latest job id, for duplicate
 *       detection;
 *   <li>{@code jobs:{<owner>}:completed:<date>:<device>}: a job of the slot kept as completed, for
 *       downloads; it expires with that job.
 * </ul>
 *
 * The owner's keys share the hash tag {@code {<owner>}} ({@link RedisHashTag}: safe for any owner),
 * so the scripts that update them together run on Redis Cluster too.
 */
public final class RedisJobRegistry implements JobRegistry {

  static final int MAX_JOBS_PER_OWNER = 10_000;

  static final String ENTRY = "entry";
  static final String FINAL = "final";

  /**
   * KEYS: owner's index, slot's latest, job's hash; ARGV: job id, score, exclusive cutoff, ttl ms,
   * cap, entry.
   */
  private static final String INDEX_SCRIPT =
      """
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
      redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[5]) + 1))
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[4])
      redis.call('HSET', KEYS[3], 'entry', ARGV[6])
      redis.call('PEXPIRE', KEYS[3], ARGV[4])
      return 1
      """;

  /**
   * Keeps a final view once: only the first caller gets 1, and so does that caller's repeat of the
   * same call (its token) when the first reply was lost. A job registered by the previous version
   * has no hash yet: it is made, for the job's remaining retention. KEYS: job's hash, slot's
   * completed; ARGV: final view, entry, remaining ttl ms, job id, "1" when completed, token.
   */
  private static final String KEEP_SCRIPT =
      """
      if redis.call('EXISTS', KEYS[1]) == 0 then
        redis.call('HSET', KEYS[1], 'entry', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
      end
      if redis.call('HSETNX', KEYS[1], 'final', ARGV[1]) == 0 then
        if redis.call('HGET', KEYS[1], 'keeper') == ARGV[6] then
          return 1
        end
        return 0
      end
      redis.call('HSET', KEYS[1], 'keeper', ARGV[6])
      if ARGV[5] == '1' then
        redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
      end
      return 1
      """;

  private final UnifiedJedis redis;
  private final Clock clock;
  private final Duration retention;
  private final ParsedKeptRecords parsedKept = new ParsedKeptRecords();

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
          redis.set(
              legacyKey(job.jobId()),
              JobRecordJson.legacyEntry(job),
              SetParams.setParams().px(ttl));
          return redis.eval(
              INDEX_SCRIPT,
              List.of(
                  ownerKey(job.owner()), latestKey(job.slot()), hashKey(job.owner(), job.jobId())),
              List.of(
                  job.jobId(),
                  Long.toString(score),
                  "(" + (score - ttl),
                  Long.toString(ttl),
                  Integer.toString(MAX_JOBS_PER_OWNER),
                  JobRecordJson.entry(job)));
        });
  }

  @Override
  public Optional<RegisteredJob> find(String owner, String jobId) {
    return find(
        owner, jobId, RedisCommands.run("find a job", () -> redis.hgetAll(hashKey(owner, jobId))));
  }

  @Override
  public Optional<String> recordKey(String owner, String jobId) {
    return Optional.of(hashKey(owner, jobId));
  }

  @Override
  public Optional<RegisteredJob> find(String owner, String jobId, Map<String, String> record) {
    if (!record.isEmpty()) {
      return Optional.of(fromRecord(owner, jobId, record));
    }
    return Optional.ofNullable(RedisCommands.run("find a job", () -> redis.get(legacyKey(jobId))))
        .map(json -> JobRecordJson.fromEntry(jobId, owner, json))
        .filter(job -> job.owner().equals(owner));
  }

  @Override
  public Set<String> jobIdsOf(String owner) {
    long oldestKept = clock.instant().minus(retention).toEpochMilli();
    return new LinkedHashSet<>(
        RedisCommands.run(
            "list a user's jobs",
            () -> redis.zrangeByScore(ownerKey(owner), Long.toString(oldestKept), "+inf")));
  }

  /** Two round trips: the owner's ids, then their hashes in one pipeline (and legacy entries). */
  @Override
  public List<RegisteredJob> jobsOf(String owner) {
    List<String> ids = new ArrayList<>(jobIdsOf(owner));
    List<Map<String, String>> records =
        RedisCommands.run("read a user's jobs", () -> hashes(owner, ids));
    List<RegisteredJob> jobs = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      find(owner, ids.get(i), records.get(i)).ifPresent(jobs::add);
    }
    return jobs;
  }

  private List<Map<String, String>> hashes(String owner, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (AbstractPipeline pipeline = redis.pipelined()) {
      List<Response<Map<String, String>>> replies = new ArrayList<>();
      for (String id : ids) {
        replies.add(pipeline.hgetAll(hashKey(owner, id)));
      }
      pipeline.sync();
      return replies.stream().map(Response::get).toList();
    }
  }

  @Override
  public Optional<String> latestJobId(JobSlot slot) {
    return Optional.ofNullable(
        RedisCommands.run("find a user's latest job", () -> redis.get(latestKey(slot))));
  }

  @Override
  public boolean keep(RegisteredJob job, WorkerJob finalView) {
    // One token per keep: RedisCommands repeats a call whose reply was lost, with the same token.
    return keep(job, finalView, UUID.randomUUID().toString());
  }

  boolean keep(RegisteredJob job, WorkerJob finalView, String token) {
    long ttl = Duration.between(clock.instant(), job.registeredAt().plus(retention)).toMillis();
    if (ttl <= 0 || !RegisteredJob.isFinal(finalView)) {
      return false;
    }
    Object kept =
        RedisCommands.run(
            "keep a finished job",
            () ->
                redis.eval(
                    KEEP_SCRIPT,
                    List.of(hashKey(job.owner(), job.jobId()), completedKey(job.slot())),
                    List.of(
                        JobRecordJson.finalView(finalView),
                        JobRecordJson.entry(job),
                        Long.toString(ttl),
                        job.jobId(),
                        job.keeping(finalView).keptCompleted() ? "1" : "0",
                        token)));
    return Long.valueOf(1).equals(kept);
  }

  @Override
  public Optional<String> completedJobId(JobSlot slot) {
    return Optional.ofNullable(
        RedisCommands.run("find a user's completed job", () -> redis.get(completedKey(slot))));
  }

  private RegisteredJob fromRecord(String owner, String jobId, Map<String, String> record) {
    String entry = record.get(ENTRY);
    String finalView = record.get(FINAL);
    if (finalView == null) {
      return JobRecordJson.fromEntry(jobId, owner, entry);
    }
    return parsedKept.parse(
        hashKey(owner, jobId),
        entry,
        finalView,
        () ->
            JobRecordJson.fromEntry(jobId, owner, entry)
                .keeping(JobRecordJson.fromFinalView(jobId, finalView)));
  }

  static String legacyKey(String jobId) {
    return "job:" + jobId;
  }

  static String hashKey(String owner, String jobId) {
    return ownerKey(owner) + ":job:" + jobId;
  }

  static String ownerKey(String owner) {
    return "jobs:" + RedisHashTag.of(owner);
  }

  static String latestKey(JobSlot slot) {
    return ownerKey(slot.owner()) + ":latest:" + slot.name();
  }

  static String completedKey(JobSlot slot) {
    return ownerKey(slot.owner()) + ":completed:" + slot.name();
  }
}
