package io.oteldemo.download;

import io.oteldemo.worker.WorkerChannel;
import io.oteldemo.worker.WorkerEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses where downloads come from, once: {@code CSV_STORAGE_PATH} when set (the worker's volume,
 * mounted read-only), else the embedded worker's folder, else the worker's HTTP endpoint through
 * {@link WorkerDownloadClient}, under Fault Tolerance like every other worker call. The embedded
 * worker's folder is the bean named {@value #EMBEDDED_WORKER_CSV_DIRECTORY} it publishes itself, so
 * this package does not depend on the embedded worker.
 */
@ApplicationScoped
public class CsvSources {

  private static final Logger LOG = Logger.getLogger(CsvSources.class.getName());

  @Inject
  @ConfigProperty(name = "CSV_STORAGE_PATH")
  Optional<String> csvStoragePath;

  @Inject WorkerChannel workerChannel;

  /** The embedded worker's CSV folder, published by the embedded worker itself. */
  static final String EMBEDDED_WORKER_CSV_DIRECTORY = "embeddedDistanceWorkerCsvDirectory";

  @Inject
  @Named(EMBEDDED_WORKER_CSV_DIRECTORY)
  Provider<Path> embeddedCsvDirectory;

  @Inject Instance<WorkerDownloadClient> workerDownloads;

  @Produces
  @ApplicationScoped
  CsvSource csvSource() {
    CsvSource source = choose();
    LOG.info(() -> "Result files are served from " + describe(source));
    return source;
  }

  private CsvSource choose() {
    if (csvStoragePath.isPresent()) {
      return new LocalCsvSource(Path.of(csvStoragePath.get()));
    }
    WorkerEndpoint endpoint = workerChannel.endpoint();
    if (endpoint.mode() == WorkerEndpoint.Mode.EMBEDDED) {
      return new LocalCsvSource(embeddedCsvDirectory.get());
    }
    WorkerDownloadClient worker = workerDownloads.get();
    return worker::open;
  }

  private static String describe(CsvSource source) {
    return source instanceof LocalCsvSource local
        ? local.root().toString()
        : "the distance worker's HTTP endpoint";
  }
}
