package io.oteldemo.deploy.image;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build context (what {@code docker build .} sends, after .dockerignore) must hold what the
 * Dockerfile copies and nothing that must stay local: build output, the development issuer's key,
 * git history, tests and sample data.
 */
class BuildContextTest {

  /** Examples of everything that must stay out, one per kind. */
  private static final List<String> LOCAL_ONLY =
      List.of(
          ".git/HEAD",
          ".dev-issuer/private-key.der",
          "target/otel-demo.war",
          "target/liberty/wlp/usr/servers/otel-demo/server.env",
          "target/it-issuer/jwks.json",
          "sample-data/owntracks/rec/stuart/iphone_stuart/2026-01.rec",
          "src/dev/java/io/oteldemo/devissuer/DevIssuer.java",
          "src/test/java/io/oteldemo/X.java",
          "kubernetes/base/kustomization.yaml",
          ".idea/workspace.xml",
          "distance_20260125.csv",
          "Dockerfile",
          ".dockerignore");

  private static Dockerignore ignore;
  private static Dockerfile dockerfile;

  @BeforeAll
  static void read() {
    ignore = Dockerignore.read();
    dockerfile = Dockerfile.read();
  }

  @Test
  void everyFileTheDockerfileCopiesIsInTheContext() throws IOException {
    List<String> sources =
        dockerfile.stages().stream()
            .flatMap(stage -> stage.all("COPY").stream())
            .filter(copy -> copy.flag("from").isEmpty())
            .flatMap(copy -> copy.operands().subList(0, copy.operands().size() - 1).stream())
            .toList();
    assertFalse(sources.isEmpty(), "the Dockerfile should copy something from the context");
    for (String source : sources) {
      Path path = Path.of(source);
      assertTrue(Files.exists(path), "the Dockerfile copies " + source + ", which does not exist");
      try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
        assertAll(
            files
                .filter(Files::isRegularFile)
                .map(
                    file ->
                        () ->
                            assertFalse(
                                ignore.excludes(file.toString().replace('\\', '/')),
                                ".dockerignore leaves out "
                                    + file
                                    + ", which the Dockerfile copies ("
                                    + source
                                    + "); rules: "
                                    + ignore)));
      }
    }
  }

  @Test
  void whatStaysLocalIsNotInTheContext() {
    assertAll(
        LOCAL_ONLY.stream()
            .map(
                path ->
                    () ->
                        assertTrue(
                            ignore.excludes(path),
                            ".dockerignore should leave out " + path + "; rules: " + ignore)));
  }
}
