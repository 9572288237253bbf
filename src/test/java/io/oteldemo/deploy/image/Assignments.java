package io.oteldemo.deploy.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The NAME=value pairs of ENV, ARG and LABEL instructions. */
final class Assignments {

  private Assignments() {}

  static Map<String, String> parse(String keyword, String arguments, int line) {
    List<String> words = ShellWords.split(arguments);
    Map<String, String> pairs = new LinkedHashMap<>();
    if (keyword.equals("ENV") && words.size() > 1 && !words.get(0).contains("=")) {
      // The old form: ENV NAME value with spaces.
      pairs.put(words.get(0), String.join(" ", words.subList(1, words.size())));
      return pairs;
    }
    for (String word : words) {
      int equals = word.indexOf('=');
      if (equals <= 0 && !keyword.equals("ARG")) {
        throw new IllegalArgumentException(
            "line " + line + ": " + keyword + " expects NAME=value, found '" + word + "'");
      }
      // ARG NAME without a default has no value at all, which differs from an empty default.
      pairs.put(
          equals < 0 ? word : word.substring(0, equals),
          equals < 0 ? null : word.substring(equals + 1));
    }
    return pairs;
  }
}
