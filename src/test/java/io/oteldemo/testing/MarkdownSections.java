package io.oteldemo.testing;

import java.util.ArrayList;
import java.util.List;

/** The lines of one {@code ## heading} section of a Markdown document, for tests that read docs. */
public final class MarkdownSections {

  private MarkdownSections() {}

  /**
   * The lines after {@code ## heading} up to the next {@code ## } heading; none if it is absent.
   */
  public static List<String> lines(String markdown, String heading) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        inside = line.substring(3).strip().equals(heading);
      } else if (inside) {
        lines.add(line);
      }
    }
    return lines;
  }
}
