package io.oteldemo.load.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients, each sending its next request as soon as the last one answered, for a while; every
 * latency is kept. A warm-up is a run whose result is dropped.
 */
final class ClosedLoop {

  private final int clients;

  ClosedLoop(int clients) {
    this.clients = clients;
  }

  /** What one target did in a run, and the CPU time the machine spent meanwhile. */
  record Result(
      String name,
      Latencies latencies,
      long errors,
      double seconds,
      String firstError,
      CpuTime cpu) {

    double throughput() {
      return (latencies.count() + errors) / seconds;
    }

    /** The server's CPU time per request, in milliseconds. */
    double serverCpuMillisPerRequest() {
      return 1000 * cpu.server() / (latencies.count() + errors);
    }
  }

  Result run(Target target, Duration duration, long serverPid, long redisPid)
      throws InterruptedException {
    CpuTime cpuAtStart = CpuTime.now(serverPid, redisPid);
    long end = System.nanoTime() + duration.toNanos();
    List<Latencies> recorders = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Latencies latencies = new Latencies();
      recorders.add(latencies);
      Target.Call call = target.client(i);
      Thread thread =
          new Thread(
              () -> {
                long now = System.nanoTime();
                while (now < end) {
                  String error = null;
                  try {
                    call.call();
                  } catch (Exception e) {
                    error = e.toString();
                  }
                  long done = System.nanoTime();
                  if (error == null) {
                    latencies.record(done - now);
                  } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, error);
                  }
                  now = done;
                }
              },
              "client-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Result(
        target.name(),
        Latencies.merge(recorders),
        errors.get(),
        duration.toNanos() / 1e9,
        firstError.get(),
        CpuTime.now(serverPid, redisPid).since(cpuAtStart));
  }
}
