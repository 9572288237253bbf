package io.oteldemo.load.bench;

import io.oteldemo.load.JobFixtures;
import io.oteldemo.load.JobFixtures.OwnedJob;
import io.oteldemo.load.LoadSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The headline benchmark: the same closed-loop clients against (1) GET /api/distance/jobs/{id}
 * through the whole gateway (JWT, Redis rate limit and job registry, gRPC to the worker, tracing),
 * (2) GET /api/whoami on the same server (JWT and tracing only) and (3) GetJobStatus sent straight
 * to the worker over gRPC; then the ratios the budget is about and the server's memory. Arguments
 * are {@code key=value}: baseUrl, tokens or issuerDir, users (clients, 10), duration (measured
 * seconds per target, 60), warmup (seconds per target, 60), grpcPort (the embedded worker's port),
 * serverPid (the server JVM, for RSS, heap and CPU time), redisPid (its Redis, for CPU time) and
 * only (e.g. 1 or 1,3: just those targets, for profiling).
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
    // only=1 runs target (1) alone, e.g. while a profiler records the server.
    List<Integer> only =
        System.getProperty("only", "").isBlank()
            ? List.of()
            : Arrays.stream(System.getProperty("only").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();

    List<OwnedJob> jobs =
        new JobFixtures(settings.baseUrl()).completedJobs(settings.tokens(settings.users()));
    List<String> tokens = jobs.stream().map(OwnedJob::token).toList();
    List<String> jobIds = jobs.stream().map(OwnedJob::jobId).toList();

    System.out.printf(
        Locale.ROOT,
        "Headline benchmark: %s; %d closed-loop clients, each with"
            + " its own user and completed job; every target warmed up for %d s, then each"
            + " measured for %d s%n",
        settings,
        settings.users(),
        warmUp.toSeconds(),
        settings.duration().toSeconds());
    long redisPid = Long.parseLong(System.getProperty("redisPid", "0"));
    ClosedLoop loop = new ClosedLoop(settings.users());
    List<ClosedLoop.Result> results = new ArrayList<>();
    try (ServerProcess server = pid > 0 ? new ServerProcess(pid, 10) : null;
        Target gateway =
            new HttpGetTarget(
                "(1) GET /api/distance/jobs/{id}, full stack",
                settings.baseUrl(),
                tokens,
                i -> "/api/distance/jobs/" + jobIds.get(i));
        Target baseline =
            new HttpGetTarget(
                "(2) GET /api/whoami, same server",
                settings.baseUrl(),
                tokens,
                i -> "/api/whoami");
        Target direct = new GrpcJobStatusTarget(grpcPort, jobIds)) {
      List<Target> all = List.of(gateway, baseline, direct);
      List<Target> targets = new ArrayList<>();
      for (int number = 1; number <= all.size(); number++) {
        if (only.isEmpty() || only.contains(number)) {
          targets.add(all.get(number - 1));
        }
      }
      // Every target warms up before any is measured: on two cores the JIT takes minutes to
      // compile the server's hot paths, and its compiler threads' CPU would count against
      // whichever target ran first.
      for (Target target : targets) {
        System.out.println("Warming up " + target.name() + " ...");
        loop.run(target, warmUp, pid, redisPid);
      }
      for (Target target : targets) {
        System.out.println("Measuring " + target.name() + " ...");
        results.add(loop.run(target, settings.duration(), pid, redisPid));
      }
      if (only.isEmpty()) {
        Report.print(results, server);
      } else {
        Report.table(results);
      }
    }
  }
}
