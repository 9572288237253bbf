package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.fail;

import io.oteldemo.locations.GeoPoint;
import io.oteldemo.locations.RecorderFiles;
import io.oteldemo.testing.Await;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Small fakes and helpers shared by the embedded worker tests. */
final class EmbeddedTestSupport {

  /** Home of the sample data's iphone_stuart (Hoboken). */
  static final GeoPoint HOME = RecorderFiles.SAMPLE_HOME;

  /** Upper bound for waiting on asynchronous jobs; never part of an assertion about speed. */
  static final Duration WAIT_LIMIT = Duration.ofSeconds(20);

  private EmbeddedTestSupport() {}

  /** Polls until the condition holds, failing after {@link #WAIT_LIMIT}. */
  static void awaitUntil(String what, BooleanSupplier condition) {
    Await.until(condition, WAIT_LIMIT, "Timed out waiting until " + what);
  }

  /**
   * A CSV folder that holds every job at the start of writing its CSV until {@link #release()}: a
   * stand-in for a slow job, since the processor and its collaborators are final classes.
   *
   * <p>The job's {@code resolve(String)} on the folder waits for the gate. The folder is a proxy
   * and not a path of the default file system, so a job let through afterwards fails while writing;
   * the tests that use the gate care only about queueing, not about the CSV.
   */
  static final class GatedCsvDirectory {
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch firstArrival = new CountDownLatch(1);
    private final AtomicReference<Thread> firstWorker = new AtomicReference<>();
    private final Path path;

    GatedCsvDirectory(Path realDirectory) {
      this.path =
          (Path)
              Proxy.newProxyInstance(
                  Path.class.getClassLoader(),
                  new Class<?>[] {Path.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("resolve")
                        && args != null
                        && args.length == 1
                        && args[0] instanceof String) {
                      firstWorker.compareAndSet(null, Thread.currentThread());
                      firstArrival.countDown();
                      try {
                        gate.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted at the gate", e);
                      }
                    }
                    try {
                      return method.invoke(realDirectory, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
    }

    Path path() {
      return path;
    }

    /** Waits (bounded) until a worker is held at the gate; returns that worker's thread. */
    Thread awaitWorkerAtGate() throws InterruptedException {
      if (!firstArrival.await(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        fail("No job reached the CSV writer within " + WAIT_LIMIT);
      }
      return firstWorker.get();
    }

    void release() {
      gate.countDown();
    }
  }
}
