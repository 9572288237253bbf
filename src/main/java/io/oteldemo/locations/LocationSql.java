package io.oteldemo.locations;

/**
 * The SQL of the PostgreSQL store over {@code public.locations}, the table the deployed otel-worker
 * reads. Every value is a bind parameter; the only text that varies is the ORDER BY of a page,
 * built from {@link LocationSort} and {@link SortOrder} alone (an allow-list, never a client's
 * text).
 *
 * <p>A day is the half-open range of its UTC instants, not {@code DATE(created_at)}: the range uses
 * an index on {@code created_at} and does not depend on the session's time zone. Rows without a
 * position are left out, as the Recorder store skips such lines.
 */
final class LocationSql {

  static final String TABLE = "public.locations";

  private static final String COLUMNS =
      "id, device_id, tid, latitude, longitude, accuracy, altitude, velocity, battery, created_at";

  private static final String WITH_POSITION = "latitude IS NOT NULL AND longitude IS NOT NULL";

  static final String DAY =
      "SELECT "
          + COLUMNS
          + " FROM "
          + TABLE
          + " WHERE created_at >= ? AND created_at < ? AND "
          + WITH_POSITION
          + " ORDER BY created_at ASC, device_id ASC, id ASC";

  static final String DAY_OF_DEVICE =
      "SELECT "
          + COLUMNS
          + " FROM "
          + TABLE
          + " WHERE created_at >= ? AND created_at < ? AND device_id = ? AND "
          + WITH_POSITION
          + " ORDER BY created_at ASC, id ASC";

  static final String READ_ONLY = "SET TRANSACTION READ ONLY";

  static final String STATUS = "SELECT current_database(), current_setting('server_version')";

  private LocationSql() {}

  /** A page: devices (an array parameter) unless every device, then limit and offset. */
  static String page(boolean everyDevice, LocationSort sort, SortOrder order) {
    String direction = order == SortOrder.ASC ? "ASC NULLS LAST" : "DESC NULLS FIRST";
    return "SELECT "
        + COLUMNS
        + " FROM "
        + TABLE
        + where(everyDevice)
        + " ORDER BY "
        + column(sort)
        + " "
        + direction
        + ", id "
        + direction
        + ", device_id "
        + direction
        + ", created_at "
        + direction
        + " LIMIT ? OFFSET ?";
  }

  /** How many locations a page's devices have. */
  static String count(boolean everyDevice) {
    return "SELECT count(*) FROM " + TABLE + where(everyDevice);
  }

  private static String where(boolean everyDevice) {
    return " WHERE " + WITH_POSITION + (everyDevice ? "" : " AND device_id = ANY (?)");
  }

  /** The allow-list: each sort is one of the table's columns, written here, not received. */
  static String column(LocationSort sort) {
    return switch (sort) {
      case CREATED_AT -> "created_at";
      case LATITUDE -> "latitude";
      case LONGITUDE -> "longitude";
      case ACCURACY -> "accuracy";
      case ALTITUDE -> "altitude";
      case VELOCITY -> "velocity";
      case BATTERY -> "battery";
    };
  }
}
