package io.oteldemo.load.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients, each sending its next request as soon as the last one answered: a warm-up whose
 * results are dropped, then a measured phase whose every latency is kept.
 */
final class ClosedLoop {

  private final int clients;
  private final Duration warmUp;
  private final Duration measured;

  ClosedLoop(int clients, Duration warmUp, Duration measured) {
    this.clients = clients;
    this.warmUp = warmUp;
    this.measured = measured;
  }

  /** What one target did in the measured phase. */
  record Result(String name, Latencies latencies, long errors, double seconds,
      String firstError) {

    double throughput() {
      return (latencies.count() + errors) / seconds;
    }
  }

  Result run(Target target) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    List<Latencies> recorders = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Latencies latencies = new Latencies();
      recorders.add(latencies);
      Target.Call call = target.client(i);
      Thread thread = new Thread(() -> {
        long now = System.nanoTime();
        while (now < end) {
          String error = null;
          try {
            call.call();
          } catch (Exception e) {
            error = e.toString();
          }
          long done = System.nanoTime();
          if (now >= measureFrom) {
            if (error == null) {
              latencies.record(done - now);
            } else {
              errors.incrementAndGet();
              firstError.compareAndSet(null, error);
            }
          }
          now = done;
        }
      }, "client-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Result(target.name(), Latencies.merge(recorders), errors.get(),
        measured.toNanos() / 1e9, firstError.get());
  }
}
