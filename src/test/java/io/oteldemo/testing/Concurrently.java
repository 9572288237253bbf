package io.oteldemo.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a task on many threads at once: each on a thread of its own, all started, then released
 * together, so that they contend as concurrent requests do; their results in the order started.
 */
public final class Concurrently {

  /** One of the concurrent tasks; {@code index} tells it apart from the others. */
  @FunctionalInterface
  public interface Task<T> {
    T run(int index) throws Exception;
  }

  private static final long TIMEOUT_SECONDS = 60;

  private Concurrently() {}

  public static <T> List<T> run(int threads, Task<T> task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.run(index);
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent task failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("a concurrent task did not end within " + TIMEOUT_SECONDS + " s");
    } finally {
      pool.shutdownNow();
    }
  }
}
