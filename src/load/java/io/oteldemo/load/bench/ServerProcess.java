package io.oteldemo.load.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server JVM's memory, from outside: resident set size from /proc (Linux) and the heap as the
 * JVM reports it ({@code jcmd GC.heap_info}) with Native Memory Tracking when on; RSS is sampled
 * through the run to show whether it stays flat.
 */
final class ServerProcess implements AutoCloseable {

  private final long pid;
  private final List<Long> rssSamplesKb = new ArrayList<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "rss-sampler");
            thread.setDaemon(true);
            return thread;
          });

  ServerProcess(long pid, int sampleSeconds) {
    this.pid = pid;
    sampler.scheduleAtFixedRate(this::sample, 0, sampleSeconds, TimeUnit.SECONDS);
  }

  private synchronized void sample() {
    long rss = statusKb("VmRSS");
    if (rss >= 0) {
      rssSamplesKb.add(rss);
    }
  }

  synchronized List<Long> rssSamplesKb() {
    return List.copyOf(rssSamplesKb);
  }

  /** A field of /proc/PID/status in kB, or -1 when it cannot be read. */
  long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The JVM's own account of its heap, or why it could not be had. */
  String heapInfo() {
    return jcmd("GC.heap_info");
  }

  /**
   * Native Memory Tracking's committed memory by category, when the server runs with
   * -XX:NativeMemoryTracking=summary (BENCH_NMT=on); otherwise jcmd's one-line refusal.
   */
  String nativeMemory() {
    String summary = jcmd("VM.native_memory summary scale=MB");
    if (!summary.contains("committed=")) {
      return "Native memory tracking: " + summary.lines().reduce((a, b) -> b).orElse("");
    }
    StringBuilder text = new StringBuilder("Native memory tracking, committed MB:");
    for (String line : summary.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("Total:")
          || trimmed.startsWith("-")
          || trimmed.startsWith("(thread #")) {
        text.append(System.lineSeparator()).append("  ").append(trimmed.replaceFirst("^-\\s+", ""));
      }
    }
    return text.toString();
  }

  private String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> commandLine = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
    commandLine.addAll(List.of(command.split(" ")));
    try {
      Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return output.strip();
    } catch (IOException e) {
      return "jcmd failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  long pid() {
    return pid;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
