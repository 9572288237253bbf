package io.oteldemo.download;

import io.oteldemo.error.ValidationException;
import java.util.regex.Pattern;

/** A result file name that may be served: {@code distance_YYYYMMDD[_device].csv}, nothing else. */
public final class CsvFileName {

  static final String FIELD = "file";
  private static final Pattern NAME =
      Pattern.compile("distance_\\d{8}(_[A-Za-z0-9_]{1,64})?\\.csv");

  private CsvFileName() {}

  /** Returns the name when it is a result file name; explains the first rule it breaks. */
  public static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw new ValidationException(FIELD, name, "file name is required");
    }
    if (name.contains("..") || name.contains("/") || name.contains("\\")) {
      throw new ValidationException(
          FIELD, name, "file name must not contain '..', '/' or '\\' (path traversal)");
    }
    if (!name.startsWith("distance_")) {
      throw new ValidationException(FIELD, name, "file name must start with 'distance_'");
    }
    if (!name.endsWith(".csv")) {
      throw new ValidationException(FIELD, name, "file name must end with '.csv'");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ValidationException(
          FIELD,
          name,
          "file name must look like distance_YYYYMMDD.csv or distance_YYYYMMDD_<device>.csv");
    }
    return name;
  }
}
