package io.oteldemo.locations;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads one line of an OwnTracks Recorder {@code .rec} file: time stamp, TAB, record type, TAB,
 * JSON payload. Only location records ({@code *}) with a valid position are kept; every other
 * record type and any damaged line is skipped, as the Recorder's own readers do.
 *
 * <p>Recorder lines carry no id, so the record's id is derived from the line itself ({@link
 * #idOf}): the same line of the same device has the same id however often and in whatever order the
 * store is read, and lines appended later change no earlier id.
 */
public final class RecorderLineParser {

  /** Looked up once: Json.createReader and its kin look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final String LOCATION_TYPE = "*";

  /** The bits of an id: the most a JSON number keeps exactly in a JavaScript client. */
  static final int ID_BITS = 53;

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
              idOf(deviceId, line),
              timestamp,
              deviceId,
              optionalString(payload, "tid"),
              position,
              optionalInt(payload, "acc"),
              optionalDouble(payload, "alt"),
              optionalInt(payload, "batt"),
              optionalInt(payload, "vel")));
    } catch (RuntimeException e) {
      // A damaged line (bad time stamp, JSON the parser refuses, missing or invalid position)
      // must not fail the whole day: the line is skipped.
      return Optional.empty();
    }
  }

  /**
   * The id of a line: the first 53 bits of the SHA-256 digest of the device id, a line feed and the
   * line as stored (UTF-8), as a whole number. 53 bits, so that a JavaScript client holds it
   * exactly; two different lines share an id with a chance of about n&sup2;/2<sup>54</sup> in a
   * store of n lines.
   */
  static long idOf(String deviceId, String line) {
    byte[] digest = sha256().digest((deviceId + "\n" + line).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getLong() >>> (Long.SIZE - ID_BITS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static JsonObject readObject(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static Optional<String> optionalString(JsonObject payload, String name) {
    return payload.get(name) instanceof JsonString text
        ? Optional.of(text.getString())
        : Optional.empty();
  }

  private static OptionalDouble optionalDouble(JsonObject payload, String name) {
    if (payload.get(name) instanceof JsonNumber number) {
      double value = number.doubleValue();
      if (Double.isFinite(value)) {
        return OptionalDouble.of(value);
      }
    }
    return OptionalDouble.empty();
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
