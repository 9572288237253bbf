package io.oteldemo.deploy.image;

import java.util.List;
import java.util.Optional;

/** One build stage: FROM image [AS name] and the instructions up to the next FROM. */
public record Stage(String image, Optional<String> name, int line, List<Instruction> instructions) {

  public List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The user the stage's last USER sets, if it sets one. */
  public Optional<String> lastUser() {
    List<Instruction> users = all("USER");
    return users.isEmpty()
        ? Optional.empty()
        : Optional.of(users.get(users.size() - 1).operands().get(0));
  }

  public String describe() {
    return "stage '" + name.orElse(image) + "' (line " + line + ")";
  }
}
