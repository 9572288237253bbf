package io.oteldemo.load.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The benchmark's table, the budget with PASS/FAIL and the server's memory, as plain text. */
final class Report {

  /** The budget's memory line: the largest 10-s RSS sample of the whole run. */
  static final long RSS_BUDGET_MB = 350;

  /** The budget's start-up line: from {@code server start} to the first ready answer. */
  static final double STARTUP_BUDGET_SECONDS = 5.0;

  private Report() {}

  /**
   * {@code results} by target number (1 to 4); a target that was not run is absent. {@code
   * startupSeconds} null when the start was not measured.
   */
  static void print(
      Map<Integer, ClosedLoop.Result> results, ServerProcess server, Double startupSeconds) {
    table(results.values());
    budget(results, server);
    startup(startupSeconds);
    forInformation(results);
    if (server != null) {
      memory(server);
    }
  }

  private static void table(Iterable<ClosedLoop.Result> results) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-42s %9s %7s %9s %8s %8s %8s %8s%n",
        "target",
        "requests",
        "errors",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms");
    for (ClosedLoop.Result result : results) {
      Latencies latencies = result.latencies();
      System.out.printf(
          Locale.ROOT,
          "%-42s %9d %7d %9.0f %8.3f %8.3f %8.3f %8.3f%n",
          result.name(),
          latencies.count() + result.errors(),
          result.errors(),
          result.throughput(),
          latencies.percentileMillis(50),
          latencies.percentileMillis(95),
          latencies.percentileMillis(99),
          latencies.maxMillis());
      if (result.firstError() != null) {
        System.out.println("    first error: " + result.firstError());
      }
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-42s %9s %9s %9s %9s %9s%n",
        "CPU seconds while measuring",
        "server",
        "redis",
        "clients",
        "others",
        "srv ms/rq");
    for (ClosedLoop.Result result : results) {
      CpuTime cpu = result.cpu();
      System.out.printf(
          Locale.ROOT,
          "%-42s %9.1f %9.1f %9.1f %9.1f %9.3f%n",
          result.name(),
          cpu.server(),
          cpu.redis(),
          cpu.clients(),
          cpu.others(),
          result.serverCpuMillisPerRequest());
    }
  }

  private static void budget(Map<Integer, ClosedLoop.Result> results, ServerProcess server) {
    System.out.println();
    System.out.println("Budget, this run:");
    ratio(results, 1, 2, 0.6, "finished-job read (1) / whoami (2)");
    ratio(results, 4, 2, 0.4, "gRPC-path read (4) / whoami (2)");
    ClosedLoop.Result finished = results.get(1);
    if (finished == null) {
      line("p99 of (1) < 10 ms", "n/a (target 1 not run)", null);
    } else {
      double p99 = finished.latencies().percentileMillis(99);
      line("p99 of (1) < 10 ms", String.format(Locale.ROOT, "%.3f ms", p99), p99 < 10);
    }
    long errors = results.values().stream().mapToLong(ClosedLoop.Result::errors).sum();
    line("errors = 0 (all targets run)", Long.toString(errors), errors == 0);
    List<Long> samples = server == null ? List.of() : server.rssSamplesKb();
    if (samples.isEmpty()) {
      line("RSS <= " + RSS_BUDGET_MB + " MB (max 10-s sample)", "n/a (no samples)", null);
    } else {
      long maxMb = samples.stream().mapToLong(Long::longValue).max().orElseThrow() / 1024;
      line(
          "RSS <= " + RSS_BUDGET_MB + " MB (max 10-s sample)",
          maxMb + " MB over " + samples.size() + " samples",
          maxMb <= RSS_BUDGET_MB);
    }
  }

  private static void startup(Double seconds) {
    String label =
        String.format(Locale.ROOT, "start-up to ready <= %.0f s", STARTUP_BUDGET_SECONDS);
    if (seconds == null) {
      line(label, "n/a (not measured)", null);
    } else {
      line(label, String.format(Locale.ROOT, "%.1f s", seconds), seconds <= STARTUP_BUDGET_SECONDS);
    }
  }

  private static void forInformation(Map<Integer, ClosedLoop.Result> results) {
    System.out.println("For information:");
    difference(results, 1, 2, "p50 (1) - p50 (2): Redis and registry");
    difference(results, 4, 3, "p50 (4) - p50 (3): the gateway around a gRPC call");
  }

  private static void ratio(
      Map<Integer, ClosedLoop.Result> results, int top, int bottom, double min, String what) {
    String label = String.format(Locale.ROOT, "%s >= %.1f", what, min);
    if (!results.containsKey(top) || !results.containsKey(bottom)) {
      line(label, "n/a (targets " + top + " and " + bottom + " not both run)", null);
      return;
    }
    double value = results.get(top).throughput() / results.get(bottom).throughput();
    line(label, String.format(Locale.ROOT, "%.2f", value), value >= min);
  }

  private static void difference(
      Map<Integer, ClosedLoop.Result> results, int a, int b, String what) {
    if (results.containsKey(a) && results.containsKey(b)) {
      Function<Integer, Double> p50 = n -> results.get(n).latencies().percentileMillis(50);
      System.out.printf(Locale.ROOT, "  %-52s %8.3f ms%n", what, p50.apply(a) - p50.apply(b));
    }
  }

  /** One budget line; {@code pass} null when it could not be judged. */
  private static void line(String label, String value, Boolean pass) {
    System.out.printf(
        Locale.ROOT,
        "  %-52s %-28s %s%n",
        label,
        value,
        pass == null ? "-" : pass ? "PASS" : "FAIL");
  }

  private static void memory(ServerProcess server) {
    List<Long> samples = server.rssSamplesKb();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "server JVM pid %d: RSS %d MB now (anonymous %d, files %d), %d MB peak (VmHWM)%n",
        server.pid(),
        server.statusKb("VmRSS") / 1024,
        server.statusKb("RssAnon") / 1024,
        server.statusKb("RssFile") / 1024,
        server.statusKb("VmHWM") / 1024);
    System.out.println("RSS every 10 s from the first warm-up to the end (MB):");
    for (int i = 0; i < samples.size(); i += 10) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  t=%5ds", i * 10));
      for (long kb : samples.subList(i, Math.min(samples.size(), i + 10))) {
        row.append(String.format(Locale.ROOT, " %5d", kb / 1024));
      }
      System.out.println(row);
    }
    System.out.println(server.heapInfo());
    System.out.println(server.nativeMemory());
  }
}
