package io.oteldemo.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request path, as sent (percent-encoded), decodes to UTF-8. The web container refuses
 * malformed escapes itself, but passes bytes that are no UTF-8 ({@code %ff}, the overlong {@code
 * %C0%AE}) on to the JAX-RS runtime, which fails on them before any filter of ours, with a stack
 * trace in the log.
 */
final class PercentEncodedPath {

  private PercentEncodedPath() {}

  static boolean isUtf8(String rawPath) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(rawPath)));
      return true;
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The path's bytes: each escape is one byte, every other character its UTF-8 bytes. */
  private static byte[] bytes(String rawPath) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
    int i = 0;
    while (i < rawPath.length()) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        bytes.write(escapedByte(rawPath, i));
        i += 3;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i++;
      }
    }
    return bytes.toByteArray();
  }

  private static int escapedByte(String rawPath, int percent) {
    int high =
        percent + 1 < rawPath.length() ? Character.digit(rawPath.charAt(percent + 1), 16) : -1;
    int low =
        percent + 2 < rawPath.length() ? Character.digit(rawPath.charAt(percent + 2), 16) : -1;
    if (high < 0 || low < 0) {
      throw new IllegalArgumentException("not a percent escape");
    }
    return high * 16 + low;
  }
}
