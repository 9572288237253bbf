package io.oteldemo.embedded;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads one line of an OwnTracks Recorder {@code .rec} file: time stamp, TAB, record type, TAB,
 * JSON payload. Only location records ({@code *}) with a valid position are kept; every other
 * record type and any damaged line is skipped, as the Recorder's own readers do.
 */
public final class RecorderLineParser {

  /** Looked up once: Json.createReader and its kin look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final String LOCATION_TYPE = "*";

  private RecorderLineParser() {}

  public static Optional<LocationRecord> parse(String line, String deviceId) {
    String[] fields = line.split("\t", 3);
    if (fields.length != 3 || !fields[1].trim().equals(LOCATION_TYPE)) {
      return Optional.empty();
    }
    try {
      Instant timestamp = Instant.parse(fields[0].trim());
      JsonObject payload = readObject(fields[2]);
      if (!"location".equals(payload.getString("_type", "location"))) {
        return Optional.empty();
      }
      GeoPoint position =
          new GeoPoint(
              payload.getJsonNumber("lat").doubleValue(),
              payload.getJsonNumber("lon").doubleValue());
      return Optional.of(
          new LocationRecord(
              timestamp,
              deviceId,
              position,
              optionalInt(payload, "acc"),
              optionalInt(payload, "batt"),
              optionalInt(payload, "vel")));
    } catch (RuntimeException e) {
      // A damaged line (bad time stamp, JSON the parser refuses, missing or invalid position)
      // must not fail the whole day: the line is skipped.
      return Optional.empty();
    }
  }

  private static JsonObject readObject(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static OptionalInt optionalInt(JsonObject payload, String name) {
    JsonValue value = payload.get(name);
    if (value instanceof JsonNumber number) {
      double rounded = Math.rint(number.doubleValue());
      if (rounded >= Integer.MIN_VALUE && rounded <= Integer.MAX_VALUE) {
        return OptionalInt.of((int) rounded);
      }
    }
    return OptionalInt.empty();
  }
}
