package io.oteldemo.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Result files in a folder: the worker's volume mounted read-only, or the embedded worker's output.
 * Only regular files whose real path lies inside the folder are served, so neither a symbolic link
 * nor a folder leads anywhere else.
 */
public final class LocalCsvSource implements CsvSource {

  private final Path root;

  public LocalCsvSource(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<CsvFile> open(String checkedName) {
    try {
      Path realRoot = root.toRealPath();
      Path file = root.resolve(checkedName).toRealPath();
      if (!file.startsWith(realRoot) || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(
          new CsvFile(checkedName, OptionalLong.of(Files.size(file)), Files.newInputStream(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read result file " + checkedName, e);
    }
  }

  public Path root() {
    return root;
  }
}
