package io.oteldemo.locations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A stand-in for the OwnTracks Recorder adapter of {@link LocationStore}, until that adapter moves
 * into this package: the store answers when its folder ({@code LOCATION_DATA_PATH}) can be read.
 * Replace it with the adapter; keep one {@code LocationStore} bean.
 */
@ApplicationScoped
public class RecorderFolderStore implements LocationStore {

  static final String DATABASE = "owntracks-recorder";

  @Inject
  @ConfigProperty(name = "LOCATION_DATA_PATH")
  String folder;

  @Override
  public StoreStatus status() {
    Path path = Path.of(folder);
    boolean readable = Files.isDirectory(path) && Files.isReadable(path);
    return new StoreStatus(readable, DATABASE, "", Optional.empty(), OptionalInt.empty());
  }
}
