package io.oteldemo.locations;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the one {@link LocationStore}: PostgreSQL through Liberty's dataSource when {@code
 * LOCATIONS_DB_URL} is set, otherwise the OwnTracks Recorder files at {@code LOCATION_DATA_PATH}.
 * The settings are checked as the application starts, so a malformed one stops the deployment
 * naming it. An unreachable database or a missing folder is not an error of the settings: the store
 * then answers as not connected.
 */
@ApplicationScoped
public class LocationStoreProducer {

  static final String SETTING = "LOCATION_DATA_PATH";
  static final String INSTRUMENTATION_NAME = "io.oteldemo.locations";

  private static final Logger LOG = Logger.getLogger(LocationStoreProducer.class.getName());

  @Inject
  @ConfigProperty(name = SETTING)
  String locationDataPath;

  @Inject
  @ConfigProperty(name = LocationDatabaseUrl.SETTING)
  Optional<String> databaseUrl;

  @Inject LocationDataSource dataSource;
  @Inject OpenTelemetry openTelemetry;

  @Produces
  @ApplicationScoped
  LocationStore store() {
    return databaseUrl(databaseUrl)
        .<LocationStore>map(
            url ->
                new PostgresLocationStore(
                    dataSource.get(),
                    url,
                    openTelemetry.getTracer(INSTRUMENTATION_NAME),
                    Clock.systemUTC()))
        .orElseGet(() -> new OwnTracksRecorderStore(storeRoot(locationDataPath)));
  }

  /** The database's URL when one is set (blank is unset, as an empty ConfigMap value gives). */
  static Optional<LocationDatabaseUrl> databaseUrl(Optional<String> setting) {
    return setting.filter(url -> !url.isBlank()).map(LocationDatabaseUrl::parse);
  }

  static Path storeRoot(String setting) {
    try {
      return Path.of(setting);
    } catch (InvalidPathException e) {
      throw new IllegalStateException(SETTING + " is not a path: " + e.getMessage(), e);
    }
  }

  /** Checks the settings as the application starts, and says which store it reads. */
  void checkAtStartup(@Observes Startup startup) {
    Optional<LocationDatabaseUrl> url = databaseUrl(databaseUrl);
    if (url.isEmpty()) {
      storeRoot(locationDataPath);
    }
    LOG.info(
        () ->
            "Location store: "
                + url.map(LocationDatabaseUrl::toString)
                    .orElse("OwnTracks Recorder files at " + locationDataPath));
  }
}
