package io.oteldemo.download;

import java.util.Optional;

/** Where result files are read from. */
public interface CsvSource {

  /** Opens a checked file name; empty when there is no such file. */
  Optional<CsvFile> open(String checkedName);
}
