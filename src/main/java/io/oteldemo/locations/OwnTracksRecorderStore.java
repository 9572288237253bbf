package io.oteldemo.locations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The locations of an OwnTracks Recorder store ({@code rec/<user>/<device>/YYYY-MM.rec}). A device
 * id is the name of the device's folder, so {@code rec/stuart/iphone_stuart/} holds the records of
 * device {@code iphone_stuart}; the user folder only groups devices.
 *
 * <p>The files are the store: nothing is cached, so a line the Recorder appends is read by the next
 * request. A page reads every month file of the query's devices and keeps only the records up to
 * the page's end, so memory is bounded by offset and limit, not by the store's size.
 */
public final class OwnTracksRecorderStore implements LocationStore {

  /** What {@code /db/status} names as the database. */
  static final String DATABASE = "owntracks";

  /** What {@code /db/status} names as the server version: the store is files, not a server. */
  static final String SERVER_VERSION = "OwnTracks Recorder .rec files";

  private static final Pattern MONTH_FILE = Pattern.compile("\\d{4}-\\d{2}\\.rec");

  private final Path recDirectory;

  public OwnTracksRecorderStore(Path storeRoot) {
    this.recDirectory = storeRoot.resolve("rec");
  }

  /** Connected while its {@code rec/} folder can be listed; never a host or port. */
  @Override
  public StoreStatus status() {
    boolean connected;
    try (DirectoryStream<Path> users = Files.newDirectoryStream(recDirectory)) {
      connected = true;
    } catch (IOException | SecurityException e) {
      connected = false;
    }
    return new StoreStatus(
        connected, DATABASE, SERVER_VERSION, Optional.empty(), OptionalInt.empty());
  }

  @Override
  public List<LocationRecord> locations(LocalDate date, Optional<String> deviceId) {
    String monthFile = String.format("%04d-%02d.rec", date.getYear(), date.getMonthValue());
    List<LocationRecord> records = new ArrayList<>();
    Consumer<LocationRecord> onTheDay =
        record -> {
          if (record.timestamp().atZone(ZoneOffset.UTC).toLocalDate().equals(date)) {
            records.add(record);
          }
        };
    if (Files.isDirectory(recDirectory)) {
      for (Path deviceDirectory : deviceDirectories()) {
        String device = deviceDirectory.getFileName().toString();
        if (deviceId.isEmpty() || deviceId.get().equals(device)) {
          read(deviceDirectory.resolve(monthFile), device, onTheDay);
        }
      }
    }
    records.sort(
        Comparator.comparing(LocationRecord::timestamp).thenComparing(LocationRecord::deviceId));
    return records;
  }

  /**
   * @throws LocationStoreException when {@code rec/} or a file in it cannot be read
   */
  @Override
  public LocationPage page(LocationQuery query) {
    FirstRecords first =
        new FirstRecords(
            RecorderOrder.of(query.sort(), query.order()), query.offset() + query.limit());
    for (Path deviceDirectory : deviceDirectories()) {
      String device = deviceDirectory.getFileName().toString();
      if (query.devices().includes(device)) {
        for (Path month : list(deviceDirectory, MONTH_FILE.asMatchPredicate())) {
          read(month, device, first::add);
        }
      }
    }
    return new LocationPage(first.from(query.offset()), first.seen());
  }

  private List<Path> deviceDirectories() {
    List<Path> devices = new ArrayList<>();
    for (Path user : list(recDirectory, name -> true)) {
      if (Files.isDirectory(user)) {
        list(user, name -> true).stream().filter(Files::isDirectory).forEach(devices::add);
      }
    }
    return devices;
  }

  /** The folder's entries whose names match, sorted by name. */
  private static List<Path> list(Path directory, Predicate<String> names) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(entry -> names.test(entry.getFileName().toString())).sorted().toList();
    } catch (IOException | SecurityException e) {
      throw new LocationStoreException("Cannot list " + directory, e);
    }
  }

  private static void read(Path file, String device, Consumer<LocationRecord> records) {
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
          .forEach(records);
    } catch (IOException | UncheckedIOException | SecurityException e) {
      throw new LocationStoreException("Cannot read " + file, e);
    }
  }

  @Override
  public String toString() {
    return "the OwnTracks Recorder store " + recDirectory.getParent();
  }
}
