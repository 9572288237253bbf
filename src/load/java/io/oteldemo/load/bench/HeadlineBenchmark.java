package io.oteldemo.load.bench;

import io.oteldemo.load.JobFixtures;
import io.oteldemo.load.JobFixtures.OwnedJob;
import io.oteldemo.load.LoadSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The headline benchmark: the same closed-loop clients against (1) GET /api/distance/jobs/{id} of a
 * completed job through the whole gateway (JWT, Redis rate limit and job registry, tracing), (2)
 * GET /api/whoami on the same server (JWT and tracing only), (3) GetJobStatus sent straight to the
 * worker over gRPC and (4) GET /api/distance/jobs/{id} of a job the embedded worker holds
 * processing (EMBEDDED_WORKER_HOLD_DEVICES), which pays the gRPC call to the worker on every
 * request; then the budget and the server's memory. No target skips security, limits or tracing:
 * (1), (2) and (4) go through the server as any client would. Arguments are {@code key=value}:
 * baseUrl, tokens or issuerDir, users (clients, 10), duration (measured seconds per target, 60),
 * warmup (seconds per target, 60), grpcPort (the embedded worker's port), heldDevice (the device
 * the worker holds, bench_held), serverPid (the server JVM, for RSS, heap and CPU time), redisPid
 * (its Redis, for CPU time), startup (the seconds from {@code server start} to ready, as
 * bench/bench-server.sh measured them) and only (e.g. 1,2: just those targets, for A/B runs and
 * profiling).
 */
public final class HeadlineBenchmark {

  private HeadlineBenchmark() {}

  public static void main(String[] args) throws Exception {
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("Expected key=value, got " + arg);
      }
      System.setProperty(arg.substring(0, equals), arg.substring(equals + 1));
    }
    LoadSettings settings = LoadSettings.fromSystemProperties();
    int grpcPort = LoadSettings.intProperty("grpcPort", 0);
    if (grpcPort == 0) {
      throw new IllegalArgumentException(
          "grpcPort=PORT (the server's EMBEDDED_WORKER_PORT)" + " is required");
    }
    Duration warmUp = Duration.ofSeconds(LoadSettings.intProperty("warmup", 60));
    long pid = Long.parseLong(System.getProperty("serverPid", "0"));
    long redisPid = Long.parseLong(System.getProperty("redisPid", "0"));
    Set<Integer> only = targetNumbers(System.getProperty("only", ""));
    String startup = System.getProperty("startup", "");
    Double startupSeconds = startup.isBlank() ? null : Double.valueOf(startup);

    JobFixtures fixtures = new JobFixtures(settings.baseUrl());
    List<String> tokens = settings.tokens(settings.users());
    List<String> finishedJobs = ids(fixtures.completedJobs(tokens));
    List<String> runningJobs =
        ids(fixtures.runningJobs(tokens, System.getProperty("heldDevice", "bench_held")));

    System.out.printf(
        Locale.ROOT,
        "Headline benchmark: %s; %d closed-loop clients, each with its own user, one completed"
            + " and one held (processing) job; every target warmed up for %d s, then each"
            + " measured for %d s%n",
        settings,
        settings.users(),
        warmUp.toSeconds(),
        settings.duration().toSeconds());
    ClosedLoop loop = new ClosedLoop(settings.users());
    Map<Integer, ClosedLoop.Result> results = new TreeMap<>();
    try (ServerProcess server = pid > 0 ? new ServerProcess(pid, 10) : null;
        Target finished =
            new HttpGetTarget(
                "(1) GET /api/distance/jobs/{id}, completed",
                settings.baseUrl(),
                tokens,
                i -> "/api/distance/jobs/" + finishedJobs.get(i));
        Target baseline =
            new HttpGetTarget(
                "(2) GET /api/whoami, same server",
                settings.baseUrl(),
                tokens,
                i -> "/api/whoami");
        Target direct = new GrpcJobStatusTarget(grpcPort, finishedJobs);
        Target running =
            new HttpGetTarget(
                "(4) GET /api/distance/jobs/{id}, processing",
                settings.baseUrl(),
                tokens,
                i -> "/api/distance/jobs/" + runningJobs.get(i))) {
      Map<Integer, Target> targets = new TreeMap<>();
      List<Target> all = List.of(finished, baseline, direct, running);
      for (int number = 1; number <= all.size(); number++) {
        if (only.isEmpty() || only.contains(number)) {
          targets.put(number, all.get(number - 1));
        }
      }
      // Every target warms up before any is measured: on two cores the JIT takes minutes to
      // compile the server's hot paths, and its compiler threads' CPU would count against
      // whichever target ran first.
      for (Target target : targets.values()) {
        System.out.println("Warming up " + target.name() + " ...");
        loop.run(target, warmUp, pid, redisPid);
      }
      for (Map.Entry<Integer, Target> target : targets.entrySet()) {
        System.out.println("Measuring " + target.getValue().name() + " ...");
        results.put(
            target.getKey(), loop.run(target.getValue(), settings.duration(), pid, redisPid));
      }
      Report.print(results, server, startupSeconds);
    }
  }

  private static Set<Integer> targetNumbers(String list) {
    return list.isBlank()
        ? Set.of()
        : Arrays.stream(list.split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .collect(Collectors.toSet());
  }

  private static List<String> ids(List<OwnedJob> jobs) {
    return jobs.stream().map(OwnedJob::jobId).toList();
  }
}
