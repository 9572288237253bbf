package io.oteldemo.deploy.kubernetes;

import io.oteldemo.deploy.LibertyServerXml;
import io.oteldemo.deploy.ProjectFiles;
import io.oteldemo.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment-style settings (UPPER_CASE names) the application reads, found in its sources:
 * every such string literal in src/main/java (in {@code @ConfigProperty(name = ...)}, config
 * lookups and the constants they use) except the API's error codes, every such key and {@code
 * ${NAME}} reference in microprofile-config.properties, and every such variable of
 * liberty/server.xml (Liberty reads those from the environment too). Which of them have a default
 * is read from the same two files.
 */
public final class AppSettings {

  static final Path SOURCES = Path.of("src/main/java");
  static final Path CONFIG = Path.of("src/main/resources/META-INF/microprofile-config.properties");

  private static final Pattern NAME_LITERAL =
      Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
  private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z][\\w.]*)\\s*=\\s*(.*)$");
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(:?)");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");

  private final Set<String> read = new TreeSet<>();
  private final Set<String> defaulted = new TreeSet<>();

  private AppSettings() {}

  public static AppSettings scan() {
    AppSettings settings = new AppSettings();
    settings.scanSources();
    settings.scanConfigProperties();
    LibertyServerXml.read().variableDefaults().keySet().stream()
        .filter(name -> ENV_NAME.matcher(name).matches())
        .forEach(
            name -> {
              settings.read.add(name);
              settings.defaulted.add(name);
            });
    return settings;
  }

  /** Every setting the application reads. */
  public Set<String> read() {
    return read;
  }

  /** The settings with a default in the WAR. */
  public Set<String> defaulted() {
    return defaulted;
  }

  private void scanSources() {
    Set<String> errorCodes =
        new TreeSet<>(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(
              file -> {
                Matcher literal = NAME_LITERAL.matcher(ProjectFiles.readString(file));
                while (literal.find()) {
                  if (!errorCodes.contains(literal.group(1))) {
                    read.add(literal.group(1));
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + SOURCES, e);
    }
  }

  private void scanConfigProperties() {
    for (String line : ProjectFiles.readString(CONFIG).split("\\R")) {
      Matcher property = PROPERTY.matcher(line.strip());
      if (line.strip().startsWith("#") || !property.matches()) {
        continue;
      }
      if (ENV_NAME.matcher(property.group(1)).matches()) {
        read.add(property.group(1));
        if (!property.group(2).isBlank()) {
          defaulted.add(property.group(1));
        }
      }
      Matcher reference = REFERENCE.matcher(property.group(2));
      while (reference.find()) {
        read.add(reference.group(1));
        if (reference.group(2).equals(":")) {
          defaulted.add(reference.group(1));
        }
      }
    }
  }
}
