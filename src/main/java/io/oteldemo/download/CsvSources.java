package io.oteldemo.download;

import io.oteldemo.embedded.EmbeddedWorkerServer;
import io.oteldemo.worker.WorkerChannel;
import io.oteldemo.worker.WorkerEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses where downloads come from, once: {@code CSV_STORAGE_PATH} when set (the worker's
 * volume, mounted read-only), else the embedded worker's folder, else the worker's HTTP endpoint
 * ({@code DISTANCE_WORKER_HTTP_URL}, by default port 8080 of the worker's host).
 */
@ApplicationScoped
public class CsvSources {

  private static final Logger LOG = Logger.getLogger(CsvSources.class.getName());
  static final int WORKER_HTTP_PORT = 8080;

  @Inject
  @ConfigProperty(name = "CSV_STORAGE_PATH")
  Optional<String> csvStoragePath;

  @Inject
  @ConfigProperty(name = "DISTANCE_WORKER_HTTP_URL")
  Optional<String> workerHttpUrl;

  @Inject
  @ConfigProperty(name = "DISTANCE_SERVICE_TIMEOUT")
  int timeoutSeconds;

  @Inject WorkerChannel workerChannel;
  @Inject Instance<EmbeddedWorkerServer> embeddedWorker;

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
      embeddedWorker.get().start();
      return new LocalCsvSource(embeddedWorker.get().csvDirectory().orElseThrow());
    }
    URI base = URI.create(workerHttpUrl.orElse("http://" + endpoint.host() + ":" + WORKER_HTTP_PORT));
    return new WorkerHttpCsvSource(base, Duration.ofSeconds(timeoutSeconds));
  }

  private static String describe(CsvSource source) {
    return source instanceof LocalCsvSource local ? local.root().toString()
        : "the distance worker's HTTP endpoint";
  }
}
