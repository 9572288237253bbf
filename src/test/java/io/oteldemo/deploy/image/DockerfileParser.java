package io.oteldemo.deploy.image;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Dockerfile text into instructions as Docker's parser does: parser directives at the top
 * ({@code # escape=}), comment lines dropped (inside continuations too), lines ending in the escape
 * character joined with the next, blank lines inside a continuation skipped. Heredocs ({@code RUN
 * <<EOF}) are refused rather than misread: the checks could not see inside them.
 */
final class DockerfileParser {

  private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*");
  private static final Pattern INSTRUCTION = Pattern.compile("\\s*([A-Za-z]+)(?:\\s+(.*))?");
  private static final Pattern HEREDOC = Pattern.compile("<<-?[\"']?[A-Za-z_][A-Za-z0-9_]*");

  private DockerfileParser() {}

  static List<Instruction> parse(String text) {
    String[] lines = text.split("\\R", -1);
    char escape = '\\';
    int index = 0;
    // Parser directives: only before any other line, comment or instruction.
    for (; index < lines.length; index++) {
      Matcher directive = DIRECTIVE.matcher(lines[index]);
      if (!directive.matches()) {
        break;
      }
      if (directive.group(1).equalsIgnoreCase("escape")) {
        escape = directive.group(2).charAt(0);
      }
    }
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = null;
    int start = 0;
    for (; index < lines.length; index++) {
      String line = lines[index];
      String stripped = line.strip();
      // Comment and blank lines vanish, also between the lines of a continued instruction.
      if (stripped.startsWith("#") || stripped.isEmpty()) {
        continue;
      }
      if (pending == null) {
        pending = new StringBuilder();
        start = index + 1;
      }
      String trailing = line.stripTrailing();
      if (trailing.charAt(trailing.length() - 1) == escape) {
        pending.append(trailing, 0, trailing.length() - 1);
        continue;
      }
      pending.append(line);
      instructions.add(instruction(pending.toString(), start));
      pending = null;
    }
    if (pending != null) {
      throw new IllegalArgumentException(
          "line " + start + ": the Dockerfile ends inside a continued instruction");
    }
    return instructions;
  }

  private static Instruction instruction(String text, int line) {
    Matcher matcher = INSTRUCTION.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("line " + line + ": not an instruction: " + text);
    }
    String arguments = matcher.group(2) == null ? "" : matcher.group(2).strip();
    if (HEREDOC.matcher(arguments).find()) {
      throw new IllegalArgumentException(
          "line "
              + line
              + ": heredocs are not supported here; "
              + "write the command on continued lines instead");
    }
    return new Instruction(matcher.group(1), arguments, line);
  }
}
