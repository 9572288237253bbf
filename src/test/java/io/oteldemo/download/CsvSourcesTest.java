package io.oteldemo.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.oteldemo.worker.WorkerChannel;
import io.oteldemo.worker.WorkerEndpoint;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the embedded worker, downloads read the folder it publishes, unless {@code CSV_STORAGE_PATH}
 * names one; then the embedded worker is not even asked.
 */
class CsvSourcesTest {

  @TempDir Path published;
  @TempDir Path configured;

  @Test
  void embeddedWorkerWithoutStoragePathServesThePublishedFolder() {
    CsvSources sources = embedded(Optional.empty());

    assertEquals(
        published.toAbsolutePath().normalize(),
        rootOf(sources.csvSource()),
        "the folder the embedded worker publishes");
  }

  @Test
  void storagePathWinsAndLeavesTheEmbeddedWorkerAlone() {
    CsvSources sources = embedded(Optional.of(configured.toString()));
    sources.embeddedCsvDirectory =
        () -> {
          throw new AssertionError("the embedded worker's folder must not be asked for");
        };

    assertEquals(
        configured.toAbsolutePath().normalize(), rootOf(sources.csvSource()), "CSV_STORAGE_PATH");
  }

  private CsvSources embedded(Optional<String> csvStoragePath) {
    CsvSources sources = new CsvSources();
    sources.csvStoragePath = csvStoragePath;
    sources.workerChannel =
        new WorkerChannel() {
          @Override
          public WorkerEndpoint endpoint() {
            return WorkerEndpoint.parse(WorkerEndpoint.EMBEDDED);
          }
        };
    sources.embeddedCsvDirectory = () -> published;
    return sources;
  }

  private static Path rootOf(CsvSource source) {
    return assertInstanceOf(LocalCsvSource.class, source, "a folder source").root();
  }
}
