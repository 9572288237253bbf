package io.oteldemo;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.oteldemo.deploy.ProjectFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the package arrows of docs/ARCHITECTURE.md: no cycles, each package depends only on the
 * packages it is allowed to, every allowed arrow is one the code has, and the document lists
 * exactly these arrows. A new dependency between our packages is a design decision: make it in the
 * document and in {@link #ALLOWED} together.
 */
class ArchitectureTest {

  private static final String ROOT = "io.oteldemo";

  /** Our packages, relative to {@value #ROOT} ({@code application} is the root package itself). */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("application", Set.of()),
          Map.entry("api", Set.of("auth", "error", "redis", "telemetry", "worker")),
          Map.entry("auth", Set.of("error", "telemetry")),
          Map.entry("deviceaccess", Set.of("auth", "error")),
          Map.entry(
              "distance",
              Set.of(
                  "auth",
                  "deviceaccess",
                  "error",
                  "idempotency",
                  "jobs",
                  "ratelimit",
                  "redis",
                  "telemetry",
                  "worker")),
          Map.entry("download", Set.of("auth", "error", "jobs", "ratelimit", "worker")),
          Map.entry("embedded", Set.of("locations", "worker.proto")),
          Map.entry("error", Set.of()),
          Map.entry("health", Set.of("ratelimit", "worker")),
          Map.entry("idempotency", Set.of("error", "redis")),
          Map.entry("jobs", Set.of("redis", "worker")),
          Map.entry("locations", Set.of("auth", "deviceaccess", "error", "ratelimit", "telemetry")),
          Map.entry("openapi", Set.of("error")),
          Map.entry("ratelimit", Set.of("auth", "error", "redis", "telemetry")),
          Map.entry("redis", Set.of()),
          Map.entry("status", Set.of("error", "telemetry")),
          Map.entry("telemetry", Set.of()),
          Map.entry(
              "tracedemo",
              Set.of("auth", "error", "locations", "ratelimit", "redis", "telemetry", "worker")),
          Map.entry("worker", Set.of("telemetry", "worker.proto")),
          Map.entry("worker.proto", Set.of()));

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages(ROOT);

  @Test
  void noCyclesBetweenPackages() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void dependsOnlyOnAllowedPackages(String name) {
    String[] allowed =
        Stream.concat(Stream.of(name), ALLOWED.get(name).stream())
            .map(ArchitectureTest::packageOf)
            .toArray(String[]::new);
    classes()
        .that()
        .resideInAPackage(packageOf(name))
        .should()
        .onlyDependOnClassesThat(not(resideInAPackage(ROOT + "..")).or(resideInAnyPackage(allowed)))
        .because("docs/ARCHITECTURE.md allows " + name + " -> " + new TreeSet<>(ALLOWED.get(name)))
        .check(CLASSES);
  }

  @Test
  void everyPackageHasItsArrowsWrittenDown() {
    Set<String> found = new TreeSet<>();
    for (JavaClass type : CLASSES) {
      found.add(nameOf(type.getPackageName()));
    }
    assertEquals(
        new TreeSet<>(ALLOWED.keySet()),
        found,
        "a package missing from ALLOWED and docs/ARCHITECTURE.md, or one that no longer exists");
  }

  @Test
  void everyAllowedArrowIsOneTheCodeHas() {
    Map<String, Set<String>> used = new TreeMap<>();
    ALLOWED.keySet().forEach(name -> used.put(name, new TreeSet<>()));
    for (JavaClass type : CLASSES) {
      String from = nameOf(type.getPackageName());
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        String target = dependency.getTargetClass().getPackageName();
        if (isOurs(target) && !nameOf(target).equals(from)) {
          used.get(from).add(nameOf(target));
        }
      }
    }
    assertEquals(
        sorted(ALLOWED),
        used,
        "an allowed arrow the code no longer has: drop it here and in docs/ARCHITECTURE.md");
  }

  @Test
  void theDocumentStatesExactlyTheseArrows() {
    String document = ProjectFiles.readString(Path.of("docs", "ARCHITECTURE.md"));
    Matcher block =
        Pattern.compile("(?s)## Allowed dependencies.*?```text\\n(.*?)```").matcher(document);
    assertEquals(true, block.find(), "docs/ARCHITECTURE.md has an 'Allowed dependencies' block");
    Map<String, Set<String>> documented = new TreeMap<>();
    for (String line : block.group(1).strip().split("\\n")) {
      String[] arrow = line.split("->", 2);
      Set<String> targets = new TreeSet<>();
      String list = arrow[1].strip();
      if (!list.equals("nothing of ours")) {
        for (String target : list.split(",")) {
          targets.add(target.strip());
        }
      }
      documented.put(arrow[0].strip(), targets);
    }
    assertEquals(sorted(ALLOWED), documented, "docs/ARCHITECTURE.md and ALLOWED differ");
  }

  static Stream<String> packages() {
    return ALLOWED.keySet().stream().sorted();
  }

  private static boolean isOurs(String packageName) {
    return packageName.equals(ROOT) || packageName.startsWith(ROOT + ".");
  }

  private static String nameOf(String packageName) {
    return packageName.equals(ROOT) ? "application" : packageName.substring(ROOT.length() + 1);
  }

  private static String packageOf(String name) {
    return name.equals("application") ? ROOT : ROOT + "." + name;
  }

  private static Map<String, Set<String>> sorted(Map<String, Set<String>> arrows) {
    Map<String, Set<String>> sorted = new TreeMap<>();
    arrows.forEach((from, to) -> sorted.put(from, new TreeSet<>(to)));
    return sorted;
  }
}
