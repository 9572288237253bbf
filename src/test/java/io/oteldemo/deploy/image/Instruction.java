package io.oteldemo.deploy.image;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Dockerfile instruction after line continuations and comments are gone: its keyword (upper
 * case), its arguments as written, and the line it starts on (for messages).
 */
public record Instruction(String keyword, String arguments, int line) {

  private static final Pattern FLAG = Pattern.compile("\\s*--([a-z][a-z-]*)(?:=(\\S*))?(?=\\s|$)");

  public Instruction {
    keyword = keyword.toUpperCase(Locale.ROOT);
  }

  /** The leading {@code --name=value} flags, e.g. COPY's --from and --chown. */
  public Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    scanFlags(flags);
    return flags;
  }

  public Optional<String> flag(String name) {
    return Optional.ofNullable(flags().get(name));
  }

  /**
   * The arguments after the flags: the elements of the JSON (exec) form, or the words of the shell
   * form with quotes removed.
   */
  public List<String> operands() {
    String rest = withoutFlags();
    if (rest.startsWith("[")) {
      try {
        JsonArray array = Json.createReader(new StringReader(rest)).readArray();
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
      } catch (JsonException | ClassCastException e) {
        // Not a JSON array of strings: Docker then reads the shell form, and so do we.
      }
    }
    return ShellWords.split(rest);
  }

  /** The arguments without the leading flags, as written (a RUN's shell command). */
  public String withoutFlags() {
    return arguments.substring(scanFlags(new LinkedHashMap<>())).strip();
  }

  /** For ENV, ARG and LABEL: the NAME=value pairs (ENV's old "NAME value" form too). */
  public Map<String, String> assignments() {
    return Assignments.parse(keyword, arguments, line);
  }

  /** Collects the leading flags; answers where they end. */
  private int scanFlags(Map<String, String> flags) {
    Matcher matcher = FLAG.matcher(arguments);
    int end = 0;
    while (matcher.lookingAt()) {
      flags.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
      end = matcher.end();
      matcher.region(end, arguments.length());
    }
    return end;
  }

  @Override
  public String toString() {
    return "line " + line + ": " + keyword + " " + arguments;
  }
}
