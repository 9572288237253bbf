package io.oteldemo.load.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark's table, the budget's ratios and the server's memory, as plain text. */
final class Report {

  private Report() {}

  static void print(List<ClosedLoop.Result> results, ServerProcess server) {
    table(results);
    ratios(results);
    if (server != null) {
      memory(server);
    }
  }

  static void table(List<ClosedLoop.Result> results) {
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

  private static void ratios(List<ClosedLoop.Result> results) {
    ClosedLoop.Result gateway = results.get(0);
    ClosedLoop.Result baseline = results.get(1);
    ClosedLoop.Result direct = results.get(2);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "throughput (1)/(2)      %6.2f   (budget >= 0.50)%n",
        gateway.throughput() / baseline.throughput());
    System.out.printf(
        Locale.ROOT,
        "p99 of (1)              %6.3f ms (budget < 10 ms)%n",
        gateway.latencies().percentileMillis(99));
    System.out.printf(
        Locale.ROOT,
        "p50 (1) - p50 (3)       %6.3f ms (budget <= 1 ms)%n",
        gateway.latencies().percentileMillis(50) - direct.latencies().percentileMillis(50));
    System.out.printf(
        Locale.ROOT,
        "p50 (1) - p50 (2)       %6.3f ms (Redis, registry, gRPC)%n",
        gateway.latencies().percentileMillis(50) - baseline.latencies().percentileMillis(50));
    System.out.printf(
        Locale.ROOT,
        "errors                  %6d   (budget 0)%n",
        results.stream().mapToLong(ClosedLoop.Result::errors).sum());
  }

  private static void memory(ServerProcess server) {
    List<Long> samples = server.rssSamplesKb();
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "server JVM pid %d: RSS %d MB now, %d MB peak (VmHWM)%n",
        server.pid(),
        server.statusKb("VmRSS") / 1024,
        server.statusKb("VmHWM") / 1024);
    if (!samples.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "RSS every 10 s through the run (MB): first %d, min %d,"
              + " max %d, last %d (%d samples)%n",
          samples.get(0) / 1024,
          samples.stream().mapToLong(Long::longValue).min().orElse(0) / 1024,
          samples.stream().mapToLong(Long::longValue).max().orElse(0) / 1024,
          samples.get(samples.size() - 1) / 1024,
          samples.size());
      System.out.println("  " + samples.stream().map(kb -> Long.toString(kb / 1024)).toList());
    }
    System.out.println(server.heapInfo());
  }
}
