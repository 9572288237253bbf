package io.oteldemo.idempotency;

import io.oteldemo.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header (IETF draft "The Idempotency-Key HTTP Header Field"):
 * a client-chosen key that makes a retried POST answer as the first one did. The draft writes it as
 * a structured-field string ({@code "8e03978e-…"}); the quotes are optional here, so {@code "abc"}
 * and {@code abc} are the same key. Keys are stored only as their SHA-256.
 */
public record IdempotencyKey(String value) {

  public static final String HEADER = "Idempotency-Key";

  /** Marks an answer that repeats the one given to the key's first request. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  public static final int MAX_LENGTH = 255;

  /**
   * Empty when the header is absent; a 400 naming the header when empty, too long (over {@value
   * #MAX_LENGTH} characters, the surrounding quotes not counted) or not printable ASCII.
   */
  public static Optional<IdempotencyKey> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String key = header.trim();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (key.isEmpty()) {
      throw new ValidationException(HEADER, header, HEADER + " must not be empty");
    }
    if (!key.chars().allMatch(IdempotencyKey::isPrintableAscii)) {
      // The value is not echoed: it is the client's secret-ish token.
      throw new ValidationException(
          HEADER, null, HEADER + " must be printable ASCII (a structured-field string)");
    }
    if (key.length() > MAX_LENGTH) {
      throw new ValidationException(
          HEADER, null, HEADER + " must be at most " + MAX_LENGTH + " characters");
    }
    return Optional.of(new IdempotencyKey(key));
  }

  /**
   * The draft's structured-field string holds printable ASCII only. Holding keys to it also makes
   * their length unambiguous: the server reads header bytes one character each (ISO-8859-1), so a
   * key in another script would count its UTF-8 bytes, not its characters.
   */
  private static boolean isPrintableAscii(int c) {
    return c >= 0x20 && c <= 0x7e;
  }

  /** The key as it is stored: SHA-256, hex. */
  public String digest() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Never the key itself in logs. */
  @Override
  public String toString() {
    return "IdempotencyKey[sha256=" + digest() + "]";
  }
}
