package io.oteldemo.download;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calculation a result file is the output of, read back from its name: the worker names the
 * file {@code distance_YYYYMMDD.csv} for every device and {@code distance_YYYYMMDD_<device>.csv}
 * for one, so the name says which of a user's jobs could have produced it.
 */
public record CsvFileOrigin(LocalDate date, Optional<String> deviceId) {

  private static final Pattern NAME = Pattern.compile("distance_(\\d{8})(?:_(.+))?\\.csv");

  /** The origin of a name {@link CsvFileName#check} accepted; empty when its date is no day. */
  static Optional<CsvFileOrigin> of(String checkedName) {
    Matcher name = NAME.matcher(checkedName);
    if (!name.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new CsvFileOrigin(
              LocalDate.parse(name.group(1), DateTimeFormatter.BASIC_ISO_DATE),
              Optional.ofNullable(name.group(2))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
