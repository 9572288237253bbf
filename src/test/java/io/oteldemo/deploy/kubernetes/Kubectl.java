package io.oteldemo.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real {@code kubectl kustomize}, where kubectl is installed (it is not on every machine). */
final class Kubectl {

  private final Path executable;

  private Kubectl(Path executable) {
    this.executable = executable;
  }

  static Optional<Kubectl> onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(folder -> !folder.isBlank())
        .map(folder -> Path.of(folder, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Kubectl::new);
  }

  /** The YAML that {@code kubectl kustomize <directory>} prints. */
  String kustomize(Path directory) {
    try {
      Process process =
          new ProcessBuilder(executable.toString(), "kustomize", directory.toString())
              .redirectErrorStream(true)
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + directory + " did not finish");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + executable + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while kubectl ran", e);
    }
  }
}
