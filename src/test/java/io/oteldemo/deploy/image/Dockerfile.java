package io.oteldemo.deploy.image;

import io.oteldemo.deploy.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A parsed Dockerfile: the ARGs before the first FROM, and the stages. */
public record Dockerfile(List<Instruction> globalArgs, List<Stage> stages) {

  public static final Path LOCATION = Path.of("Dockerfile");

  public static Dockerfile read() {
    return parse(ProjectFiles.readString(LOCATION));
  }

  public static Dockerfile parse(String text) {
    List<Instruction> globalArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = null;
    Instruction from = null;
    for (Instruction instruction : DockerfileParser.parse(text)) {
      if (instruction.keyword().equals("FROM")) {
        if (from != null) {
          stages.add(stage(from, current));
        }
        from = instruction;
        current = new ArrayList<>();
      } else if (from == null) {
        if (!instruction.keyword().equals("ARG")) {
          throw new IllegalArgumentException(
              instruction + ": only ARG may come before the first FROM");
        }
        globalArgs.add(instruction);
      } else {
        current.add(instruction);
      }
    }
    if (from == null) {
      throw new IllegalArgumentException("the Dockerfile has no FROM");
    }
    stages.add(stage(from, current));
    return new Dockerfile(List.copyOf(globalArgs), List.copyOf(stages));
  }

  public Stage finalStage() {
    return stages.get(stages.size() - 1);
  }

  public Optional<Stage> stage(String name) {
    return stages.stream()
        .filter(stage -> stage.name().filter(name::equals).isPresent())
        .findFirst();
  }

  private static Stage stage(Instruction from, List<Instruction> instructions) {
    List<String> operands = from.operands();
    if (operands.size() == 3 && operands.get(1).equalsIgnoreCase("AS")) {
      return new Stage(
          operands.get(0), Optional.of(operands.get(2)), from.line(), List.copyOf(instructions));
    }
    if (operands.size() != 1) {
      throw new IllegalArgumentException(from + ": expected FROM image [AS name]");
    }
    return new Stage(operands.get(0), Optional.empty(), from.line(), List.copyOf(instructions));
  }
}
