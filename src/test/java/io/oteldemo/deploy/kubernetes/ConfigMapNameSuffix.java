package io.oteldemo.deploy.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suffix kustomize appends to a generated ConfigMap's name: a SHA-256 over the JSON that Go
 * writes for {data, kind, name} (keys sorted, HTML characters escaped), its first ten hex digits
 * with 0, 1, 3, a and e replaced so that the suffix never reads as a number or a word. A change of
 * data gives a new name, so the pods that use it roll.
 *
 * <p>The name in that JSON is always empty: kustomize looks it up as one field called
 * "metadata/name", which no object has. The suffix depends on the data alone, here as there.
 */
final class ConfigMapNameSuffix {

  private ConfigMapNameSuffix() {}

  static String of(Map<String, String> data) {
    StringBuilder json = new StringBuilder("{\"data\":{");
    String separator = "";
    for (Map.Entry<String, String> entry : new TreeMap<>(data).entrySet()) {
      json.append(separator)
          .append(goString(entry.getKey()))
          .append(':')
          .append(goString(entry.getValue()));
      separator = ",";
    }
    json.append("},\"kind\":\"ConfigMap\",\"name\":\"\"}");
    String hex = HexFormat.of().formatHex(sha256(json.toString()));
    StringBuilder suffix = new StringBuilder();
    for (char c : hex.substring(0, 10).toCharArray()) {
      suffix.append(
          switch (c) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> c;
          });
    }
    return suffix.toString();
  }

  /** A string as Go's encoding/json writes it. */
  private static String goString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
