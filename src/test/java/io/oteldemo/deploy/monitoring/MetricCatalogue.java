package io.oteldemo.deploy.monitoring;

import io.oteldemo.deploy.ProjectFiles;
import io.oteldemo.testing.MarkdownSections;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names Prometheus holds for the metrics docs/METRICS.md lists: the catalogue table's
 * "Prometheus" column (a histogram as its _bucket, _sum and _count series), the same column of the
 * connection pool's table in the section "From elsewhere", and the names that section quotes.
 */
final class MetricCatalogue {

  static final Path FILE = Path.of("docs/METRICS.md");

  private static final Pattern QUOTED_NAME = Pattern.compile("`([a-zA-Z_:][a-zA-Z0-9_:]*)`");
  private static final List<String> HISTOGRAM_SERIES = List.of("_bucket", "_sum", "_count");

  private MetricCatalogue() {}

  static Set<String> prometheusNames() {
    return parse(ProjectFiles.readString(FILE));
  }

  static Set<String> parse(String markdown) {
    Set<String> names =
        new TreeSet<>(catalogueNames(MarkdownSections.lines(markdown, "Catalogue")));
    List<String> fromElsewhere = MarkdownSections.lines(markdown, "From elsewhere");
    if (fromElsewhere.stream().anyMatch(line -> line.startsWith("|"))) {
      names.addAll(catalogueNames(fromElsewhere));
    }
    Matcher elsewhere = QUOTED_NAME.matcher(String.join("\n", fromElsewhere));
    while (elsewhere.find()) {
      names.add(elsewhere.group(1));
    }
    if (names.isEmpty()) {
      throw new IllegalStateException(FILE + " lists no metric");
    }
    return names;
  }

  private static Set<String> catalogueNames(List<String> lines) {
    List<List<String>> rows =
        lines.stream().filter(line -> line.startsWith("|")).map(MetricCatalogue::cells).toList();
    if (rows.size() < 3) {
      throw new IllegalStateException(FILE + " has no catalogue table");
    }
    int prometheus = column(rows.get(0), "Prometheus");
    int kind = column(rows.get(0), "Kind");
    Set<String> names = new TreeSet<>();
    for (List<String> row : rows.subList(2, rows.size())) {
      String name = row.get(prometheus).replace("`", "");
      if (row.get(kind).equals("histogram")) {
        HISTOGRAM_SERIES.forEach(series -> names.add(name + series));
      } else {
        names.add(name);
      }
    }
    return names;
  }

  private static int column(List<String> header, String title) {
    int index = header.indexOf(title);
    if (index < 0) {
      throw new IllegalStateException(FILE + "'s catalogue has no column " + title);
    }
    return index;
  }

  private static List<String> cells(String row) {
    String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
    return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
  }
}
