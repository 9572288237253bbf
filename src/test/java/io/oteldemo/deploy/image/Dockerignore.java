package io.oteldemo.deploy.image;

import io.oteldemo.deploy.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore}, applied as Docker applies them: each line a pattern
 * relative to the context (Go's filepath.Match syntax plus {@code **}), a leading {@code !}
 * re-includes, the last matching line decides, and a pattern that matches a folder matches all of
 * its content.
 */
public final class Dockerignore {

  public static final Path LOCATION = Path.of(".dockerignore");

  private record Rule(Pattern pattern, boolean exclude, String text) {}

  private final List<Rule> rules;

  private Dockerignore(List<Rule> rules) {
    this.rules = rules;
  }

  public static Dockerignore read() {
    return parse(ProjectFiles.readString(LOCATION));
  }

  public static Dockerignore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean exclude = !pattern.startsWith("!");
      String cleaned = clean(exclude ? pattern : pattern.substring(1).strip());
      rules.add(new Rule(Pattern.compile(regex(cleaned)), exclude, pattern));
    }
    return new Dockerignore(List.copyOf(rules));
  }

  /** Whether a file or folder (a path relative to the context, '/'-separated) is left out. */
  public boolean excludes(String path) {
    String cleaned = clean(path);
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesItselfOrParent(rule.pattern(), cleaned)) {
        excluded = rule.exclude();
      }
    }
    return excluded;
  }

  private static boolean matchesItselfOrParent(Pattern pattern, String path) {
    String candidate = path;
    while (true) {
      if (pattern.matcher(candidate).matches()) {
        return true;
      }
      int slash = candidate.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      candidate = candidate.substring(0, slash);
    }
  }

  /** Like Go's filepath.Clean for the relative, '/'-separated paths used here. */
  private static String clean(String path) {
    String cleaned = path.replaceAll("/+", "/").replaceAll("(^|/)\\./", "$1");
    cleaned = cleaned.startsWith("/") ? cleaned.substring(1) : cleaned;
    return cleaned.endsWith("/") ? cleaned.substring(0, cleaned.length() - 1) : cleaned;
  }

  private static String regex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        // "**" spans any number of folders; "**/" may also match none.
        boolean folderPrefix = i + 2 < pattern.length() && pattern.charAt(i + 2) == '/';
        regex.append(folderPrefix ? "(?:.*/)?" : ".*");
        i += folderPrefix ? 2 : 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int close = pattern.indexOf(']', i + 1);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed [ in .dockerignore pattern " + pattern);
        }
        // Go's classes ([abc], [^a-z]) read the same as a regex's once [ and \ are escaped.
        String set = pattern.substring(i + 1, close).replace("\\", "\\\\").replace("[", "\\[");
        regex.append('[').append(set).append(']');
        i = close;
      } else if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  @Override
  public String toString() {
    return rules.stream().map(Rule::text).toList().toString();
  }
}
