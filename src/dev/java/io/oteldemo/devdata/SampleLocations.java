package io.oteldemo.devdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the synthetic OwnTracks tracks of {@code sample-data/} into PostgreSQL: creates {@code
 * public.locations} ({@code sample-data/postgresql/schema.sql}) when missing, then replaces the
 * rows of the sample devices (and only theirs) with the location records of their {@code .rec}
 * files, in file order, in one transaction. PostgreSQL itself reads each payload ({@code jsonb}),
 * so the loader needs nothing but the JDBC driver:
 *
 * <pre>
 * LOCATIONS_DB_URL=jdbc:postgresql://127.0.0.1:5432/owntracks LOCATIONS_DB_USER=postgres \
 *   LOCATIONS_DB_PASSWORD=... ./mvnw -q exec:exec@load-sample-locations
 * </pre>
 *
 * The user needs CREATE on the schema and INSERT/DELETE on the table: an owner, not the
 * application's read-only role.
 */
public final class SampleLocations {

  private static final String INSERT =
      "INSERT INTO public.locations (device_id, tid, latitude, longitude, accuracy, altitude,"
          + " velocity, battery, battery_status, connection_type, trigger, timestamp, created_at,"
          + " raw_payload)"
          + " SELECT ?, p->>'tid', (p->>'lat')::double precision, (p->>'lon')::double precision,"
          + " round((p->>'acc')::numeric)::integer, (p->>'alt')::double precision,"
          + " round((p->>'vel')::numeric)::integer, round((p->>'batt')::numeric)::integer,"
          + " round((p->>'bs')::numeric)::integer, p->>'conn', p->>'t',"
          + " coalesce(to_timestamp((p->>'tst')::double precision), ?), ?, p"
          + " FROM (SELECT ?::jsonb AS p) AS line"
          + " WHERE coalesce(p->>'_type', 'location') = 'location'"
          + " AND p->>'lat' IS NOT NULL AND p->>'lon' IS NOT NULL";

  private SampleLocations() {}

  public static void main(String[] args) throws SQLException {
    Path sampleData = Path.of(args.length > 0 ? args[0] : "sample-data");
    String url = required("LOCATIONS_DB_URL");
    String user = System.getenv().getOrDefault("LOCATIONS_DB_USER", "");
    String password = System.getenv().getOrDefault("LOCATIONS_DB_PASSWORD", "");
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      int rows = load(connection, sampleData);
      System.out.println("Loaded " + rows + " sample locations into public.locations");
    }
  }

  /** Creates the table when missing and replaces the sample devices' rows; returns the count. */
  public static int load(Connection connection, Path sampleData) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      createSchema(connection, sampleData.resolve("postgresql/schema.sql"));
      int rows = 0;
      for (Path recFile : recFiles(sampleData.resolve("owntracks/rec"))) {
        rows += insert(connection, recFile.getParent().getFileName().toString(), recFile);
      }
      connection.commit();
      return rows;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void createSchema(Connection connection, Path schema) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : read(schema).replaceAll("(?m)--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }

  /** Every month file of every device, in path order. */
  private static List<Path> recFiles(Path rec) {
    try (Stream<Path> files = Files.walk(rec)) {
      return files.filter(file -> file.toString().endsWith(".rec")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + rec, e);
    }
  }

  private static int insert(Connection connection, String device, Path recFile)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM public.locations WHERE device_id = ?")) {
      delete.setString(1, device);
      delete.executeUpdate();
    }
    int rows = 0;
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (String line : read(recFile).split("\n")) {
        String[] fields = line.split("\t", 3);
        if (fields.length == 3 && fields[1].strip().equals("*")) {
          Timestamp at = Timestamp.from(Instant.parse(fields[0].strip()));
          insert.setString(1, device);
          insert.setTimestamp(2, at);
          insert.setTimestamp(3, at);
          insert.setString(4, fields[2]);
          rows += insert.executeUpdate();
        }
      }
    }
    return rows;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name
              + " is not set: the database to load, e.g. "
              + "jdbc:postgresql://127.0.0.1:5432/owntracks");
    }
    return value;
  }
}
