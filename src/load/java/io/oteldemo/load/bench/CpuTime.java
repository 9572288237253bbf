package io.oteldemo.load.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent on this machine (Linux /proc) while a target runs: by the server JVM, by its
 * Redis, by these clients, and by everything else. The last says whether another workload disturbed
 * the measurement; the server's share per request says what a request costs.
 */
record CpuTime(double machine, double server, double redis, double clients) {

  /** USER_HZ: /proc counts CPU time in ticks of 1/100 s on Linux. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** CPU time spent so far, in seconds; a process that cannot be read counts 0. */
  static CpuTime now(long serverPid, long redisPid) {
    return new CpuTime(machineBusy(), process(serverPid), process(redisPid), ownProcess());
  }

  CpuTime since(CpuTime start) {
    return new CpuTime(
        machine - start.machine,
        server - start.server,
        redis - start.redis,
        clients - start.clients);
  }

  double others() {
    return Math.max(0, machine - server - redis - clients);
  }

  private static double machineBusy() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(fields[i]);
      }
      return busy / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static double process(long pid) {
    if (pid <= 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static double ownProcess() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }
}
