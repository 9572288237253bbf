package io.oteldemo.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A temporary OwnTracks Recorder store and a folder for result CSVs, for one test; handed out by
 * {@link StoreFixtureExtension}, which also deletes both afterwards.
 */
final class StoreFixture {

  private final Path root;
  private final Path csvDirectory;

  StoreFixture(Path root, Path csvDirectory) {
    this.root = root;
    this.csvDirectory = csvDirectory;
  }

  /** The store's root folder, the one the Recorder's {@code rec/} lies in. */
  Path root() {
    return root;
  }

  /** An empty folder for the CSVs the jobs write. */
  Path csvDirectory() {
    return csvDirectory;
  }

  /** Writes {@code rec/<user>/<device>/<month>.rec} with these lines; returns the file. */
  Path write(String user, String device, String month, List<String> lines) throws IOException {
    Path dir = root.resolve("rec").resolve(user).resolve(device);
    Files.createDirectories(dir);
    return Files.write(dir.resolve(month + ".rec"), lines, StandardCharsets.UTF_8);
  }

  /** The application's reader of this store. */
  OwnTracksRecorderStore reader() {
    return new OwnTracksRecorderStore(root);
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
