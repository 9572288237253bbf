package io.oteldemo.locations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** An OwnTracks Recorder store written by a test into a folder it owns, and its lines. */
public final class RecorderFiles {

  /** Home of the sample data's iphone_stuart (Hoboken). */
  public static final GeoPoint SAMPLE_HOME = new GeoPoint(40.736097, -74.039373);

  private final Path root;

  public RecorderFiles(Path root) {
    this.root = root;
  }

  /** The store's root folder, the one the Recorder's {@code rec/} lies in. */
  public Path root() {
    return root;
  }

  /**
   * Writes {@code rec/<user>/<device>/<month>.rec} with these lines, named as the Recorder names it
   * ({@code "alice/phone_a/2026-01"}); returns the file.
   */
  public Path write(String userDeviceMonth, String... lines) throws IOException {
    Path file = root.resolve("rec").resolve(userDeviceMonth + ".rec");
    Files.createDirectories(file.getParent());
    return Files.write(file, List.of(lines), StandardCharsets.UTF_8);
  }

  /** The application's reader of this store. */
  public OwnTracksRecorderStore reader() {
    return new OwnTracksRecorderStore(root);
  }

  /** One line of an OwnTracks Recorder file, type padded to 18 characters as the Recorder does. */
  public static String recLine(String timestamp, String type, String json) {
    return timestamp + "\t" + String.format("%-18s", type) + "\t" + json;
  }

  /** A location line with lat/lon and the optional acc, batt and vel. */
  public static String locationLine(
      String timestamp, double lat, double lon, int acc, int batt, int vel) {
    return recLine(
        timestamp,
        "*",
        String.format(
            Locale.ROOT,
            "{\"_type\":\"location\",\"tid\":\"xx\",\"lat\":%.6f,\"lon\":%.6f,"
                + "\"tst\":%d,\"acc\":%d,\"batt\":%d,\"vel\":%d}",
            lat,
            lon,
            Instant.parse(timestamp).getEpochSecond(),
            acc,
            batt,
            vel));
  }
}
