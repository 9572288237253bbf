package io.oteldemo.distance;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.error.ValidationException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the body of {@code POST /calculate} by hand rather than by binding, so that every kind of
 * bad body (not JSON, wrong Content-Type, wrong JSON types, too large) gets a precise answer.
 * Unknown fields are ignored.
 */
public final class CalculateRequestReader {

  public static final int MAX_BODY_BYTES = 4096;

  /**
   * The whole body must arrive within this, however it trickles in and whatever HTTP_READ_TIMEOUT
   * is set to: a few dozen bytes need well under a second.
   */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  /**
   * Deeper than any body worth reading (ours is one flat object). Checked while streaming, so a
   * small body nested a thousand levels deep is refused before any parser recurses into it.
   */
  static final int MAX_DEPTH = 8;

  /** Longer than any number worth reading (the body has none of its own: unknown fields). */
  static final int MAX_NUMBER_CHARACTERS = 64;

  /** Looked up once: Json.createReader and its kin look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String BODY = "body";

  private final DistanceRules rules;

  public CalculateRequestReader(DistanceRules rules) {
    this.rules = rules;
  }

  public CalculateCommand read(MediaType contentType, InputStream body) {
    if (contentType == null
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(contentType)
        || contentType.isWildcardType()
        || contentType.isWildcardSubtype()) {
      throw new ValidationException(
          "Content-Type",
          contentType == null ? null : contentType.toString(),
          "Content-Type must be application/json with a JSON body");
    }
    JsonObject json = parseObject(readLimited(body));
    return new CalculateCommand(
        rules.date("date", stringField(json, "date")),
        rules.deviceId("device_id", stringField(json, "device_id")));
  }

  private static byte[] readLimited(InputStream body) {
    try {
      byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw unread(e);
    }
  }

  /**
   * The body did not come: 408 when the client stopped sending it (the server's read timeout,
   * {@code HTTP_READ_TIMEOUT}, passed) or sent it too slowly ({@link #BODY_DEADLINE}), 400 when the
   * connection failed.
   */
  private static ApiException unread(IOException failure) {
    if (failure instanceof InterruptedIOException) {
      return new ApiException(
          ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive in time: send it at once");
    }
    return new ValidationException(BODY, null, "The request body could not be read");
  }

  /**
   * The body must come as it is: the API takes no compressed bodies (a small one can inflate to any
   * size), and the server does not decompress them either (server.xml httpOptions). Every coding of
   * every {@code Content-Encoding} header counts: {@code identity} and then {@code gzip}, in one
   * header or in two, is a compressed body.
   */
  public static void requireIdentityEncoding(List<String> contentEncodings) {
    boolean identity =
        contentEncodings == null
            || contentEncodings.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::trim)
                .allMatch(coding -> coding.isEmpty() || coding.equalsIgnoreCase("identity"));
    if (!identity) {
      throw new ApiException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Encoding is not supported: send the JSON body uncompressed",
          Map.of("field", "Content-Encoding"),
          OptionalLong.empty());
    }
  }

  static ApiException tooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "The body must not exceed " + MAX_BODY_BYTES + " bytes");
  }

  private static JsonObject parseObject(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new ValidationException(
          BODY, null, "The body must be a JSON object, e.g. " + "{\"date\":\"2026-01-25\"}");
    }
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
      requireShallow(bytes);
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw new ValidationException(
            BODY, null, "The body is not valid JSON: content follows" + " the JSON value");
      }
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new ValidationException(BODY, null, "The body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new ValidationException(BODY, null, "The body is not valid JSON");
    }
  }

  /**
   * Walks the first JSON value's events, refusing it beyond {@link #MAX_DEPTH} levels or with a
   * number longer than {@link #MAX_NUMBER_CHARACTERS}, before the value is built (the parser
   * refuses numbers over 1,100 characters only when it builds them, with an exception of its own).
   */
  private static void requireShallow(byte[] bytes) {
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
      int depth = 0;
      do {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
          depth++;
          if (depth > MAX_DEPTH) {
            throw new ValidationException(
                BODY, null, "The body is nested too deeply: at most " + MAX_DEPTH + " levels");
          }
        } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
          depth--;
        } else if (event == JsonParser.Event.VALUE_NUMBER) {
          requireShortNumber(parser.getString());
        }
      } while (depth > 0);
    }
  }

  private static void requireShortNumber(String number) {
    if (number.length() > MAX_NUMBER_CHARACTERS) {
      throw new ValidationException(
          BODY,
          null,
          "The body has a number of more than " + MAX_NUMBER_CHARACTERS + " characters");
    }
  }

  /** A string member, or null when absent or JSON null; any other JSON type is an error. */
  private static String stringField(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new ValidationException(
        name,
        value.toString(),
        name
            + " must be a JSON string, not "
            + value.getValueType().name().toLowerCase(Locale.ROOT));
  }
}
