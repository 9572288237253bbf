package io.oteldemo.deploy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parser the Dockerfile checks rely on: if it misreads, every rule checks the wrong thing. */
class DockerfileParserTest {

  @Test
  void joinsContinuedLinesAndDropsCommentsInsideThem() {
    Dockerfile file =
        Dockerfile.parse(
            """
        FROM base:1.2.3
        RUN first \\
        # a comment inside the continuation
              second \\

              third
        """);

    List<Instruction> instructions = file.finalStage().instructions();
    assertEquals(1, instructions.size(), "one RUN instruction: " + instructions);
    assertEquals("RUN", instructions.get(0).keyword());
    assertEquals(List.of("first", "second", "third"), instructions.get(0).operands());
    assertEquals(2, instructions.get(0).line(), "the line the instruction starts on");
  }

  @Test
  void honoursTheEscapeDirective() {
    Dockerfile file =
        Dockerfile.parse(
            """
        # escape=`
        FROM base:1.2.3
        RUN one `
            two
        """);

    assertEquals(List.of("one", "two"), file.finalStage().instructions().get(0).operands());
  }

  @Test
  void splitsStagesAndKeepsArgsBeforeTheFirstFrom() {
    Dockerfile file =
        Dockerfile.parse(
            """
        ARG BASE=1
        from builder:1.0.0 as build
        COPY --from=other --chown=1001:0 a b /dest/
        FROM runtime:2.0.0
        USER 1001
        """);

    assertEquals(1, file.globalArgs().size());
    assertEquals(2, file.stages().size());
    assertEquals(Optional.of("build"), file.stages().get(0).name());
    assertEquals("runtime:2.0.0", file.finalStage().image());
    Instruction copy = file.stages().get(0).instructions().get(0);
    assertEquals(Map.of("from", "other", "chown", "1001:0"), copy.flags());
    assertEquals(List.of("a", "b", "/dest/"), copy.operands());
    assertEquals(Optional.of("1001"), file.finalStage().lastUser());
  }

  @Test
  void readsTheExecFormAndQuotedAssignments() {
    Dockerfile file =
        Dockerfile.parse(
            """
        FROM base:1.2.3
        CMD ["server", "run", "default Server"]
        LABEL a="one two" b=three c=""
        ENV OLD_FORM some value
        ARG NO_DEFAULT
        """);

    List<Instruction> all = file.finalStage().instructions();
    assertEquals(List.of("server", "run", "default Server"), all.get(0).operands());
    assertEquals(Map.of("a", "one two", "b", "three", "c", ""), all.get(1).assignments());
    assertEquals(Map.of("OLD_FORM", "some value"), all.get(2).assignments());
    assertTrue(all.get(3).assignments().containsKey("NO_DEFAULT"));
    assertEquals(null, all.get(3).assignments().get("NO_DEFAULT"), "an ARG without default");
  }

  @Test
  void refusesWhatItCannotReadFaithfully() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Dockerfile.parse("FROM a:1.0.0\nRUN <<EOF\necho hi\nEOF\n"),
        "a heredoc");
    assertThrows(
        IllegalArgumentException.class,
        () -> Dockerfile.parse("FROM a:1.0.0\nRUN echo \\\n"),
        "a file ending mid-instruction");
    assertThrows(
        IllegalArgumentException.class,
        () -> Dockerfile.parse("RUN echo before any FROM\n"),
        "an instruction before FROM");
  }

  @Test
  void tellsPinnedImagesFromMovingOnes() {
    assertTrue(ImageReference.parse("icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim").pinned());
    assertTrue(ImageReference.parse("registry:5000/x@sha256:" + "a".repeat(64)).pinned());
    assertFalse(ImageReference.parse("eclipse-temurin:17-jdk").pinned(), "a feature release");
    assertFalse(ImageReference.parse("eclipse-temurin:latest").pinned());
    assertFalse(ImageReference.parse("registry:5000/eclipse-temurin").pinned(), "no tag");
    assertEquals(
        Optional.empty(),
        ImageReference.parse("registry:5000/x").tag(),
        "a registry's port is not a tag");
  }
}
