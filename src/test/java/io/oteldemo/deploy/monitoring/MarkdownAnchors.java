package io.oteldemo.deploy.monitoring;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The anchors a Markdown file's headings get when it is rendered (GitHub's and GitLab's rule). */
final class MarkdownAnchors {

  private MarkdownAnchors() {}

  static Set<String> of(String markdown) {
    Set<String> anchors = new TreeSet<>();
    boolean inCode = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode && line.matches("#{1,6} .*")) {
        anchors.add(slug(line.replaceFirst("#{1,6} ", "")));
      }
    }
    return anchors;
  }

  static String slug(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
