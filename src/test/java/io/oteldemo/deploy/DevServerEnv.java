package io.oteldemo.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local servers' developer defaults, {@code src/dev/liberty/server.env}: each line a shell
 * default, {@code NAME="${NAME:-value}"}, so that the environment wins over it. The values (with
 * the pom's {@code @property@} references resolved) must never reach an image or a manifest.
 */
public final class DevServerEnv {

  public static final Path LOCATION = Path.of("src/dev/liberty/server.env");

  /** What makes Liberty's server script source the file with the shell. */
  public static final String EXPANSION_LINE = "# enable_variable_expansion";

  private static final Pattern DEFAULT =
      Pattern.compile("([A-Z_][A-Z0-9_]*)=\"\\$\\{([A-Z_][A-Z0-9_]*):-([^\"$`]*)}\"");
  private static final Pattern POM_REFERENCE = Pattern.compile("@([^@]+)@");

  private final List<String> lines;

  private DevServerEnv(List<String> lines) {
    this.lines = lines;
  }

  public static DevServerEnv read() {
    return new DevServerEnv(ProjectFiles.readString(LOCATION).lines().toList());
  }

  public List<String> lines() {
    return lines;
  }

  /** The settings (name → default, pom references resolved); a line of another shape fails. */
  public Map<String, String> defaults() {
    PomModel pom = PomModel.read();
    Map<String, String> defaults = new LinkedHashMap<>();
    lines.stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(
            line -> {
              Matcher matcher = DEFAULT.matcher(line);
              if (!matcher.matches() || !matcher.group(1).equals(matcher.group(2))) {
                throw new IllegalStateException(
                    LOCATION
                        + ": '"
                        + line
                        + "' is not a default of the form NAME=\"${NAME:-value}\"");
              }
              defaults.put(
                  matcher.group(1),
                  POM_REFERENCE
                      .matcher(matcher.group(3))
                      .replaceAll(
                          reference -> Matcher.quoteReplacement(pom.property(reference.group(1)))));
            });
    return defaults;
  }

  /**
   * The distinctive values among the defaults (single origins, paths without their "file:" or
   * "./"), which a production image or manifest must never contain. Short generic words such as
   * "none" are left out: they prove nothing.
   */
  public List<String> distinctiveValues() {
    return defaults().values().stream()
        .flatMap(value -> Stream.of(value.split(",")))
        .map(value -> value.strip().replaceFirst("^file:", "").replaceFirst("^\\./", ""))
        .filter(value -> value.length() > 4)
        .distinct()
        .toList();
  }
}
