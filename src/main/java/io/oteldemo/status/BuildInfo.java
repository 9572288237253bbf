package io.oteldemo.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the build stamped into the WAR ({@code build.properties}, filtered by Maven): the pom's
 * version, the build number and the build's time. The container image's labels carry the same
 * values, because the image build passes its build arguments to this very Maven build. A file the
 * build did not fill in stops the application at start: {@code /info} never reports a placeholder.
 *
 * @param buildDate as the build gave it, an ISO-8601 UTC instant such as {@code
 *     2026-12-06T09:30:00Z}, so that it reads exactly as the image's {@code created} label
 */
public record BuildInfo(String version, String buildNumber, String buildDate) {

  static final String RESOURCE = "build.properties";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

  /** Reads {@value #RESOURCE} beside this class. */
  public static BuildInfo read() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the application");
      }
      Properties properties = new Properties();
      properties.load(in);
      return of(properties);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  static BuildInfo of(Properties properties) {
    return new BuildInfo(
        token(properties, "version"),
        token(properties, "build.number"),
        instant(properties, "build.date"));
  }

  private static String token(Properties properties, String key) {
    String value = required(properties, key);
    if (!TOKEN.matcher(value).matches()) {
      throw malformed(key, value, "letters, digits and . _ + - (at most 64)");
    }
    return value;
  }

  private static String instant(Properties properties, String key) {
    String value = required(properties, key);
    try {
      Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw malformed(key, value, "an ISO-8601 UTC time such as 2026-12-06T09:30:00Z");
    }
    return value;
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key, "").strip();
    if (value.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " has no " + key + ": the build must set it");
    }
    return value;
  }

  private static IllegalStateException malformed(String key, String value, String expected) {
    return new IllegalStateException(
        RESOURCE + " " + key + " '" + value + "' is not what the build sets: expected " + expected);
  }
}
