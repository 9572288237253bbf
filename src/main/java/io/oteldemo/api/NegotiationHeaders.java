package io.oteldemo.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringTokenizer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The request headers the JAX-RS runtime parses before any filter of ours runs: {@code Accept},
 * {@code Content-Type} and {@code Accept-Language}. One it cannot parse fails the whole request
 * inside the runtime, which logs it with a stack trace and answers an empty HTML page, so they are
 * checked here first: media types with the runtime's own parser ({@link MediaType#valueOf}), and
 * every weight ({@code q}) as a number from 0 to 1.
 */
final class NegotiationHeaders {

  /** The headers checked, each with the check of one of its values. */
  private static final Map<String, Predicate<String>> CHECKS =
      Map.of(
          HttpHeaders.ACCEPT, NegotiationHeaders::isMediaTypeList,
          HttpHeaders.CONTENT_TYPE, NegotiationHeaders::isMediaType,
          HttpHeaders.ACCEPT_LANGUAGE, NegotiationHeaders::isLanguageList);

  private NegotiationHeaders() {}

  /** The names of the checked headers that are malformed, given each header's values. */
  static List<String> malformed(Function<String, List<String>> values) {
    List<String> malformed = new ArrayList<>();
    CHECKS.forEach(
        (header, check) -> {
          if (values.apply(header).stream().anyMatch(check.negate())) {
            malformed.add(header);
          }
        });
    malformed.sort(String.CASE_INSENSITIVE_ORDER);
    return malformed;
  }

  static boolean isMediaTypeList(String value) {
    return elements(value).stream().allMatch(NegotiationHeaders::isMediaType);
  }

  static boolean isMediaType(String value) {
    try {
      MediaType type = MediaType.valueOf(value.trim());
      return isWeight(Optional.ofNullable(type.getParameters().get("q")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean isLanguageList(String value) {
    return elements(value).stream().allMatch(NegotiationHeaders::isLanguage);
  }

  /** A language range: its parameters are only checked for a well-formed weight. */
  private static boolean isLanguage(String range) {
    String[] parts = range.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].trim().equalsIgnoreCase("q")
          && !isWeight(Optional.of(parameter.length == 2 ? parameter[1] : ""))) {
        return false;
      }
    }
    return true;
  }

  /** An absent weight, or a number from 0 to 1 (RFC 9110's qvalue, read leniently). */
  private static boolean isWeight(Optional<String> q) {
    if (q.isEmpty()) {
      return true;
    }
    try {
      float weight = Float.parseFloat(unquoted(q.get().trim()));
      return weight >= 0 && weight <= 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /**
   * The comma-separated elements of a list header, split as the runtime splits them: empty elements
   * between two commas are dropped, elements of white space are not (and are malformed).
   */
  private static List<String> elements(String value) {
    List<String> elements = new ArrayList<>();
    StringTokenizer tokens = new StringTokenizer(value, ",");
    while (tokens.hasMoreTokens()) {
      elements.add(tokens.nextToken().trim());
    }
    return elements;
  }
}
