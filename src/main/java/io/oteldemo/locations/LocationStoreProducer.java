package io.oteldemo.locations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provides the one {@link LocationStore}: today the OwnTracks Recorder files at {@code
 * LOCATION_DATA_PATH}. The setting is checked as the application starts, so a path that cannot be
 * one stops the deployment naming it; a folder that is missing is not an error of the setting (the
 * store then answers as not connected).
 */
@ApplicationScoped
public class LocationStoreProducer {

  static final String SETTING = "LOCATION_DATA_PATH";

  @Inject
  @ConfigProperty(name = SETTING)
  String locationDataPath;

  @Produces
  @ApplicationScoped
  LocationStore store() {
    return new OwnTracksRecorderStore(storeRoot(locationDataPath));
  }

  static Path storeRoot(String setting) {
    try {
      return Path.of(setting);
    } catch (InvalidPathException e) {
      throw new IllegalStateException(SETTING + " is not a path: " + e.getMessage(), e);
    }
  }

  /** Checks the setting as the application starts. */
  void checkAtStartup(@Observes Startup startup) {
    storeRoot(locationDataPath);
  }
}
