package io.oteldemo.deploy.monitoring;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression selects. Not a parser: a tokenizer that skips what cannot be
 * a metric name (label matchers in braces, ranges and durations in brackets, strings, numbers,
 * Grafana variables, keywords and the label lists after by/without/on/ignoring/group_left/
 * group_right); an identifier followed by an opening parenthesis is a function or aggregation, any
 * other identifier a metric.
 */
final class PromQl {

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "and",
          "or",
          "unless",
          "atan2",
          "inf",
          "nan");

  /** Aggregations may put their by/without clause before the parenthesis: sum by (x) (...). */
  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");

  private static final Set<String> LABEL_LIST_KEYWORDS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private final String text;
  private int position;

  private PromQl(String text) {
    this.text = text;
  }

  /** Every metric name the expression reads, sorted. */
  static Set<String> metricNames(String expression) {
    return new PromQl(expression).scan();
  }

  private Set<String> scan() {
    Set<String> names = new TreeSet<>();
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '"' || c == '\'' || c == '`') {
        skipString(c);
      } else if (c == '{') {
        skipBlock('{', '}');
      } else if (c == '[') {
        skipBlock('[', ']');
      } else if (c == '$') {
        skipVariable();
      } else if (Character.isDigit(c) || (c == '.' && nextIsDigit())) {
        skipWhile(PromQl::isNumberPart);
      } else if (isIdentifierStart(c)) {
        identifier(names);
      } else {
        position++;
      }
    }
    return names;
  }

  private void identifier(Set<String> names) {
    int start = position;
    skipWhile(PromQl::isIdentifierPart);
    String word = text.substring(start, position);
    // Keywords, aggregations and functions are case-insensitive; metric names are not.
    String lower = word.toLowerCase(Locale.ROOT);
    boolean call = nextNonSpace() == '(' || (AGGREGATIONS.contains(lower) && clauseFollows());
    if (LABEL_LIST_KEYWORDS.contains(lower) && call) {
      skipSpaces();
      skipBlock('(', ')');
    } else if (!call && !KEYWORDS.contains(lower)) {
      names.add(word);
    }
  }

  private void skipString(char quote) {
    position++;
    while (position < text.length() && text.charAt(position) != quote) {
      position += text.charAt(position) == '\\' && quote != '`' ? 2 : 1;
    }
    position++;
  }

  /** Skips a bracketed block; strings inside may hold the closing character. */
  private void skipBlock(char open, char close) {
    position++;
    while (position < text.length() && text.charAt(position) != close) {
      char c = text.charAt(position);
      if (c == '"' || c == '\'' || c == '`') {
        skipString(c);
      } else if (c == open) {
        skipBlock(open, close);
      } else {
        position++;
      }
    }
    position++;
  }

  private void skipVariable() {
    position++;
    if (position < text.length() && text.charAt(position) == '{') {
      skipBlock('{', '}');
    } else {
      skipWhile(PromQl::isIdentifierPart);
    }
  }

  private char nextNonSpace() {
    int index = position;
    while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
      index++;
    }
    return index < text.length() ? text.charAt(index) : 0;
  }

  private boolean clauseFollows() {
    String rest = text.substring(position).stripLeading().toLowerCase(Locale.ROOT);
    return rest.matches("(?s)(by|without)\\s*\\(.*");
  }

  private void skipSpaces() {
    skipWhile(Character::isWhitespace);
  }

  private boolean nextIsDigit() {
    return position + 1 < text.length() && Character.isDigit(text.charAt(position + 1));
  }

  private void skipWhile(CharTest test) {
    while (position < text.length() && test.matches(text.charAt(position))) {
      position++;
    }
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || Character.isDigit(c);
  }

  /** Digits, a decimal point, exponents, hex digits and duration units (5m, 1h30m, 0x1f, 1e3). */
  private static boolean isNumberPart(char c) {
    return Character.isLetterOrDigit(c) || c == '.';
  }

  @FunctionalInterface
  private interface CharTest {
    boolean matches(char c);
  }
}
