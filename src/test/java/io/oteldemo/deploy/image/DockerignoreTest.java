package io.oteldemo.deploy.image;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The .dockerignore matcher follows Docker's rules, or the context checks mean nothing. */
class DockerignoreTest {

  @Test
  void theLastMatchingLineDecidesAndFoldersCoverTheirContent() {
    Dockerignore rules =
        Dockerignore.parse(
            """
        # comment
        target
        !target/app.war
        **/*.pem
        docs/
        """);

    assertTrue(rules.excludes("target/classes/A.class"), "content of an excluded folder");
    assertFalse(rules.excludes("target/app.war"), "re-included by a later line");
    assertTrue(rules.excludes("deep/down/key.pem"), "** spans folders");
    assertTrue(rules.excludes("key.pem"), "**/ may match no folder");
    assertTrue(rules.excludes("docs/README.md"), "a trailing slash still means the folder");
    assertFalse(rules.excludes("src/Main.java"), "matched by nothing");
  }

  @Test
  void anAllowListExcludesEverythingElse() {
    Dockerignore rules = Dockerignore.parse("*\n!src/main/\n!pom.xml\n");

    assertTrue(rules.excludes(".git/HEAD"));
    assertTrue(rules.excludes("src/test/java/T.java"), "a sibling of the allowed folder");
    assertFalse(rules.excludes("src/main/java/A.java"));
    assertFalse(rules.excludes("pom.xml"));
    assertTrue(rules.excludes("pom.xml.bak"), "* does not stop at a dot");
  }
}
