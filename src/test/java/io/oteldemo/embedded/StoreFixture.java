package io.oteldemo.embedded;

import io.oteldemo.locations.LocationStore;
import io.oteldemo.locations.RecorderFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A temporary OwnTracks Recorder store and a folder for result CSVs, for one test; handed out by
 * {@link StoreFixtureExtension}, which also deletes both afterwards.
 */
final class StoreFixture {

  private final RecorderFiles files;
  private final Path csvDirectory;

  StoreFixture(Path root, Path csvDirectory) {
    this.files = new RecorderFiles(root);
    this.csvDirectory = csvDirectory;
  }

  /** The store's root folder, the one the Recorder's {@code rec/} lies in. */
  Path root() {
    return files.root();
  }

  /** An empty folder for the CSVs the jobs write. */
  Path csvDirectory() {
    return csvDirectory;
  }

  /** Writes {@code rec/<user>/<device>/<month>.rec}: see {@link RecorderFiles#write}. */
  Path write(String userDeviceMonth, String... lines) throws IOException {
    return files.write(userDeviceMonth, lines);
  }

  /** The application's reader of this store. */
  LocationStore reader() {
    return files.reader();
  }

  /** A processor that reads this store, measures from {@link EmbeddedTestSupport#HOME}. */
  DistanceJobProcessor processor(Path csvDir) {
    return new DistanceJobProcessor(
        reader(), EmbeddedTestSupport.HOME, new DistanceCsvWriter(csvDir));
  }

  /** A processor that writes its CSVs to {@link #csvDirectory()}. */
  DistanceJobProcessor processor() {
    return processor(csvDirectory);
  }
}
