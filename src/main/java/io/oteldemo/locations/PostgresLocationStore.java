package io.oteldemo.locations;

import io.opentelemetry.api.trace.Tracer;
import io.oteldemo.deviceaccess.DeviceScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * The locations in PostgreSQL ({@code public.locations}, the deployed otel-worker's table), read
 * through the application server's pooled {@link DataSource}. Every read is one read-only
 * transaction with bind parameters only (see {@link LocationSql}); each query is a span ({@link
 * QuerySpans}). A record's time is the row's {@code created_at}, the column the worker selects and
 * orders a day by.
 *
 * <p>Nothing here names the password: errors carry the driver's exception (host and port at most)
 * for the operator's log, never for a client.
 */
public final class PostgresLocationStore implements LocationStore {

  private static final String SERVER = "PostgreSQL ";

  private final DataSource dataSource;
  private final LocationDatabaseUrl url;
  private final QuerySpans spans;
  private final PageCounts counts;

  public PostgresLocationStore(
      DataSource dataSource, LocationDatabaseUrl url, Tracer tracer, Clock clock) {
    this.dataSource = dataSource;
    this.url = url;
    this.spans = new QuerySpans(tracer, url.database());
    this.counts = new PageCounts(clock);
  }

  /** Connected when the server answers a query; its host and port as the URL names them. */
  @Override
  public StoreStatus status() {
    try {
      String[] answer =
          query(
              "current_database",
              connection -> {
                try (PreparedStatement statement = connection.prepareStatement(LocationSql.STATUS);
                    ResultSet row = statement.executeQuery()) {
                  row.next();
                  return new QuerySpans.Counted<>(
                      new String[] {row.getString(1), row.getString(2)}, 1);
                }
              });
      return new StoreStatus(
          true, answer[0], SERVER + answer[1], Optional.of(url.host()), OptionalInt.of(url.port()));
    } catch (SQLException | RuntimeException e) {
      return new StoreStatus(
          false, url.database(), SERVER, Optional.of(url.host()), OptionalInt.of(url.port()));
    }
  }

  @Override
  public List<LocationRecord> locations(LocalDate day, Optional<String> deviceId) {
    Timestamp from = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    return queryOrFail(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  deviceId.isPresent() ? LocationSql.DAY_OF_DEVICE : LocationSql.DAY)) {
            statement.setTimestamp(1, from);
            statement.setTimestamp(2, to);
            if (deviceId.isPresent()) {
              statement.setString(3, deviceId.get());
            }
            return records(statement);
          }
        });
  }

  @Override
  public LocationPage page(LocationQuery query) {
    DeviceScope devices = query.devices();
    int total = counts.total(devices, this::count);
    List<LocationRecord> page =
        total <= query.offset()
            ? List.of()
            : queryOrFail(
                connection -> {
                  try (PreparedStatement statement =
                      connection.prepareStatement(
                          LocationSql.page(devices.everyDevice(), query.sort(), query.order()))) {
                    int next = bindDevices(connection, statement, devices);
                    statement.setInt(next, query.limit());
                    statement.setInt(next + 1, query.offset());
                    return records(statement);
                  }
                });
    return new LocationPage(page, total);
  }

  private int count(DeviceScope devices) {
    return queryOrFail(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(LocationSql.count(devices.everyDevice()))) {
            bindDevices(connection, statement, devices);
            try (ResultSet row = statement.executeQuery()) {
              row.next();
              return new QuerySpans.Counted<>(Math.toIntExact(row.getLong(1)), 1);
            }
          }
        });
  }

  /** Binds the devices (unless every device) as parameter 1; returns the next parameter's index. */
  private static int bindDevices(
      Connection connection, PreparedStatement statement, DeviceScope devices) throws SQLException {
    if (devices.everyDevice()) {
      return 1;
    }
    statement.setArray(
        1, connection.createArrayOf("varchar", devices.devices().stream().sorted().toArray()));
    return 2;
  }

  private static QuerySpans.Counted<List<LocationRecord>> records(PreparedStatement statement)
      throws SQLException {
    List<LocationRecord> records = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        records.add(record(rows));
      }
    }
    return new QuerySpans.Counted<>(records, records.size());
  }

  private static LocationRecord record(ResultSet row) throws SQLException {
    return new LocationRecord(
        row.getLong("id"),
        row.getTimestamp("created_at").toInstant(),
        row.getString("device_id"),
        Optional.ofNullable(row.getString("tid")),
        new GeoPoint(row.getDouble("latitude"), row.getDouble("longitude")),
        optionalInt(row, "accuracy"),
        optionalDouble(row, "altitude"),
        optionalInt(row, "battery"),
        optionalInt(row, "velocity"));
  }

  private static OptionalInt optionalInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static OptionalDouble optionalDouble(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** A read on a pooled connection, in a read-only transaction; the connection always returns. */
  interface Read<T> {
    T on(Connection connection) throws SQLException;
  }

  /** A query of {@code table} in a span that covers getting the connection too. */
  private <T> T query(String table, Read<QuerySpans.Counted<T>> read) throws SQLException {
    return spans.traced(table, () -> inReadOnlyTransaction(read));
  }

  private <T> T inReadOnlyTransaction(Read<T> read) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // Read-only for this transaction alone: nothing outlives it on a connection that
        // PgBouncer hands to another client next (a session setting would).
        try (Statement readOnly = connection.createStatement()) {
          readOnly.execute(LocationSql.READ_ONLY);
        }
        T result = read.on(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    }
  }

  private <T> T queryOrFail(Read<QuerySpans.Counted<T>> read) {
    try {
      return query(LocationSql.TABLE, read);
    } catch (SQLException e) {
      throw new LocationStoreException("Cannot read the " + url + ": " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "the location store in the " + url;
  }
}
