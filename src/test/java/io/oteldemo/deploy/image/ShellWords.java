package io.oteldemo.deploy.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Dockerfile arguments into words the way Docker's shell-form lexer does for what our
 * Dockerfile uses: whitespace separates, double and single quotes group, a backslash escapes the
 * next character (except inside single quotes).
 */
final class ShellWords {

  /** A word with the offset just after it in the input, so callers can cut off what follows. */
  record Word(String text, int end) {}

  private ShellWords() {}

  static List<String> split(String input) {
    return words(input).stream().map(Word::text).toList();
  }

  static List<Word> words(String input) {
    List<Word> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (word != null) {
          words.add(new Word(word.toString(), i));
          word = null;
        }
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\\' && quote != '\'' && i + 1 < input.length()) {
        word.append(input.charAt(++i));
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else {
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in: " + input);
    }
    if (word != null) {
      words.add(new Word(word.toString(), input.length()));
    }
    return words;
  }
}
