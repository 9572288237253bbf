package io.oteldemo.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The locations of an OwnTracks Recorder store ({@code rec/<user>/<device>/YYYY-MM.rec}). A device
 * id is the name of the device's folder, so {@code rec/stuart/iphone_stuart/} holds the records of
 * device {@code iphone_stuart}; the user folder only groups devices.
 */
public final class OwnTracksRecorderStore {

  private final Path recDirectory;

  public OwnTracksRecorderStore(Path storeRoot) {
    this.recDirectory = storeRoot.resolve("rec");
  }

  /** The day's locations (UTC) of one device, or of every device, in time order. */
  public List<LocationRecord> locations(LocalDate date, Optional<String> deviceId) {
    String monthFile = String.format("%04d-%02d.rec", date.getYear(), date.getMonthValue());
    List<LocationRecord> records = new ArrayList<>();
    for (Path deviceDirectory : deviceDirectories()) {
      String device = deviceDirectory.getFileName().toString();
      if (deviceId.isEmpty() || deviceId.get().equals(device)) {
        readDay(deviceDirectory.resolve(monthFile), device, date, records);
      }
    }
    records.sort(
        Comparator.comparing(LocationRecord::timestamp).thenComparing(LocationRecord::deviceId));
    return records;
  }

  private List<Path> deviceDirectories() {
    if (!Files.isDirectory(recDirectory)) {
      return List.of();
    }
    try (Stream<Path> users = Files.list(recDirectory)) {
      List<Path> devices = new ArrayList<>();
      for (Path user : users.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> userDevices = Files.list(user)) {
          userDevices.filter(Files::isDirectory).sorted().forEach(devices::add);
        }
      }
      return devices;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the OwnTracks store " + recDirectory, e);
    }
  }

  private static void readDay(
      Path file, String device, LocalDate date, List<LocationRecord> records) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    // A reader that replaces malformed UTF-8 (e.g. a line cut short by a crash) instead of
    // throwing, so one damaged line is skipped by the parser rather than failing the month.
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      reader
          .lines()
          .map(line -> RecorderLineParser.parse(line, device))
          .flatMap(Optional::stream)
          .filter(record -> record.timestamp().atZone(ZoneOffset.UTC).toLocalDate().equals(date))
          .forEach(records::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
