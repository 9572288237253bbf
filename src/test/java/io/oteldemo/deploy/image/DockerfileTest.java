package io.oteldemo.deploy.image;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.deploy.DevServerEnv;
import io.oteldemo.deploy.LibertyServerXml;
import io.oteldemo.deploy.PomModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where the build runs, so what can be proved about the image is proved from
 * the Dockerfile itself: pinned bases, Open Liberty's own conventions (features.sh, configure.sh,
 * uid 1001), the server configuration and WAR where server.xml expects them, and nothing of the
 * local run (keys, developer defaults, sample data) inside.
 */
class DockerfileTest {

  private static final String LIBERTY_IMAGE = "icr.io/appcafe/open-liberty";
  private static final Pattern LIBERTY_TAG =
      Pattern.compile("(?<version>\\d+\\.\\d+\\.\\d+\\.\\d+)-kernel-slim-java(17|21)-openj9-ubi.*");
  private static final String CONFIG_DIR = "/config/";
  private static final String RUNTIME_OWNER = "1001:0";
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(pass(word)?|secret|token|key|credential|private).*");
  private static final Pattern SECRET_FILE =
      Pattern.compile("(?i).*(\\.dev-issuer|it-issuer|\\.pem|\\.key|\\.p12|\\.jks|id_rsa|jwks).*");

  /** Labels the Open Liberty base image sets about itself; ours must replace each of them. */
  private static final List<String> BASE_IMAGE_LABELS =
      List.of(
          "org.opencontainers.image.title", "org.opencontainers.image.description",
          "org.opencontainers.image.version", "org.opencontainers.image.revision",
          "org.opencontainers.image.vendor", "org.opencontainers.image.authors",
          "org.opencontainers.image.url", "org.opencontainers.image.source");

  private static Dockerfile dockerfile;
  private static Stage runtime;
  private static PomModel pom;
  private static LibertyServerXml server;

  @BeforeAll
  static void read() {
    dockerfile = Dockerfile.read();
    runtime = dockerfile.finalStage();
    pom = PomModel.read();
    server = LibertyServerXml.read();
  }

  @Test
  void everyBaseImageIsPinnedToAVersion() {
    List<String> stageNames = dockerfile.stages().stream().flatMap(s -> s.name().stream()).toList();
    assertAll(
        dockerfile.stages().stream()
            .filter(stage -> !stageNames.contains(stage.image()))
            .map(
                stage ->
                    () -> {
                      assertTrue(
                          !stage.image().contains("$"),
                          stage.describe()
                              + ": FROM must name its image literally, so that it can be "
                              + "checked, not through a variable: "
                              + stage.image());
                      assertTrue(
                          ImageReference.parse(stage.image()).pinned(),
                          stage.describe()
                              + ": FROM must pin a full version (x.y.z tag) or a sha256 "
                              + "digest, not a moving tag or none: "
                              + stage.image());
                    }));
  }

  @Test
  void theRuntimeIsOpenLibertyKernelSlimOnUbiAtThePomsVersion() {
    ImageReference base = ImageReference.parse(runtime.image());
    assertEquals(
        LIBERTY_IMAGE,
        base.repository(),
        runtime.describe() + " should run on Open Liberty's own image");
    var tag = LIBERTY_TAG.matcher(base.tag().orElse(""));
    assertTrue(
        tag.matches(),
        runtime.describe()
            + " should be a kernel-slim, OpenJ9, UBI tag "
            + "(features come from features.sh), is "
            + runtime.image());
    assertEquals(
        pom.property("openliberty.version"),
        tag.group("version"),
        "the image's Open Liberty should be the one the build tests against (pom.xml "
            + "openliberty.version)");
  }

  @Test
  void theRuntimeRunsAsTheLibertyUserNotRoot() {
    Optional<String> user = runtime.lastUser();
    assertTrue(
        user.isPresent(),
        runtime.describe() + " should say USER itself, not rely on the " + "base image's");
    assertEquals("1001", user.get(), "the final USER should be Open Liberty's uid 1001");
    assertAll(
        Stream.concat(runtime.all("COPY").stream(), runtime.all("ADD").stream())
            .map(
                copy ->
                    () ->
                        assertEquals(
                            Optional.of(RUNTIME_OWNER),
                            copy.flag("chown"),
                            copy
                                + ": files in the runtime image should belong to "
                                + RUNTIME_OWNER
                                + ", as Open Liberty's images expect")));
  }

  @Test
  void serverConfigurationFeaturesWarAndConfigureComeInLibertysOrder() {
    String source = LibertyServerXml.LOCATION.toString();
    int serverXml = indexOf(copyTo(source, CONFIG_DIR), "COPY " + source + " " + CONFIG_DIR);
    int features = indexOf(run("features.sh"), "RUN features.sh");
    String war = "target/" + pom.warFileName();
    String appsTarget = CONFIG_DIR + "apps/" + server.applicationLocation();
    int application =
        indexOf(
            copyFromBuild(war, appsTarget),
            "COPY --from=<build stage> .../"
                + war
                + " "
                + appsTarget
                + " (server.xml's webApplication)");
    int configure = indexOf(run("configure.sh"), "RUN configure.sh");

    assertTrue(serverXml < features, "server.xml must be copied before features.sh reads it");
    assertTrue(features < application, "features are installed before the application comes");
    assertTrue(application < configure, "configure.sh runs last, over the complete server");
  }

  @Test
  void theWarComesFromTheBuildStageWhereMavenPutsIt() {
    String war = "target/" + pom.warFileName();
    Instruction copy =
        runtime
            .instructions()
            .get(indexOf(copyFromBuild(war, null), "COPY --from=<build stage> .../" + war));
    String stageName = copy.flag("from").orElseThrow();
    Stage build =
        dockerfile
            .stage(stageName)
            .orElseThrow(() -> new AssertionError(copy + ": no stage named " + stageName));
    String workdir =
        build.all("WORKDIR").stream().reduce((a, b) -> b).map(w -> w.operands().get(0)).orElse("/");
    assertEquals(
        workdir.replaceAll("/$", "") + "/target/" + pom.warFileName(),
        copy.operands().get(0),
        copy + ": the WAR's path in the build stage");
  }

  @Test
  void theImageBuildSkipsTestsAndTheDevelopmentStepsAndPackagesOffline() {
    Stage build = dockerfile.stages().get(0);
    List<Instruction> mavenRuns =
        build.all("RUN").stream().filter(run -> run.arguments().contains("./mvnw")).toList();
    Instruction resolve =
        mavenRuns.stream()
            .filter(run -> run.arguments().contains("dependency:go-offline"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        build.describe()
                            + " should resolve dependencies in a layer of their own (dependency:go-offline)"));
    Instruction packaging =
        mavenRuns.stream()
            .filter(run -> run.operands().contains("package"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(build.describe() + " should run ./mvnw package"));
    int sources =
        build
            .instructions()
            .indexOf(
                build.all("COPY").stream()
                    .filter(copy -> copy.operands().get(0).equals("src/main/"))
                    .findFirst()
                    .orElseThrow(
                        () -> new AssertionError(build.describe() + " should COPY src/main/")));

    assertTrue(
        build.instructions().indexOf(resolve) < sources,
        "dependencies must be resolved before the sources arrive, so that a source change "
            + "reuses that layer");
    assertAll(
        Stream.of(resolve, packaging)
            .map(
                run ->
                    () ->
                        assertTrue(
                            run.operands().contains("-Dexec.skip=true"),
                            run
                                + ": the exec steps (development "
                                + "issuer key, test Redis) must not run in an image build")));
    assertTrue(
        packaging.operands().containsAll(List.of("--offline", "-Dmaven.test.skip=true")),
        packaging + ": package offline (all resolved before) and without tests (CI runs them)");
  }

  @Test
  void theVersionLabelIsThePomsVersion() {
    Map<String, String> labels = labels();
    assertAll(
        BASE_IMAGE_LABELS.stream()
            .map(
                name ->
                    () ->
                        assertTrue(
                            labels.containsKey(name),
                            "the runtime stage should set "
                                + name
                                + ", or the base image's would describe ours")));
    assertEquals(
        "${VERSION}",
        labels.get("org.opencontainers.image.version"),
        "the version label comes from the VERSION build argument");
    assertTrue(
        runtime.all("ARG").stream().anyMatch(a -> a.assignments().containsKey("VERSION")),
        runtime.describe() + " should declare ARG VERSION (ARGs do not cross stages)");
    assertTrue(
        dockerfile.stages().get(0).all("RUN").stream()
            .anyMatch(
                run ->
                    run.arguments()
                            .replaceAll("\\s+", " ")
                            .contains("help:evaluate -Dexpression=project.version")
                        && run.arguments().contains("${VERSION}")),
        "the build stage should fail when VERSION is not the pom's version");
  }

  @Test
  void theBuildNumberAndDateStampedIntoTheWarAreTheLabels() {
    Stage build = dockerfile.stages().get(0);
    Instruction packaging =
        build.all("RUN").stream()
            .filter(run -> run.operands().contains("package"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(build.describe() + " should run ./mvnw package"));
    Map<String, String> stamp = Map.of("build.number", "BUILD_NUMBER", "build.date", "BUILD_DATE");
    Map<String, String> labels = labels();
    assertAll(
        stamp.entrySet().stream()
            .map(
                entry ->
                    () -> {
                      String property = entry.getKey();
                      String argument = entry.getValue();
                      assertFalse(
                          pom.property(property).isBlank(),
                          "pom.xml should give " + property + " a default for other builds");
                      assertTrue(
                          packaging.operands().contains("-D" + property + "=${" + argument + "}"),
                          packaging + ": the package step stamps " + argument + " as " + property);
                      for (Stage stage : List.of(build, runtime)) {
                        assertTrue(
                            declares(stage, argument),
                            stage.describe()
                                + " should declare ARG "
                                + argument
                                + " (ARGs do not cross stages)");
                      }
                      assertTrue(
                          indexOfArg(build, argument) > indexOfCopy(build, "src/main/"),
                          build.describe()
                              + ": ARG "
                              + argument
                              + " after COPY src/main/, so that the dependency layer is reused"
                              + " when only the stamp changes");
                      assertTrue(
                          packaging.withoutFlags().contains("-Eqx")
                              && packaging.withoutFlags().contains("\"${" + argument + "}\""),
                          packaging + ": the build stops on a missing or malformed " + argument);
                    }));
    assertEquals(
        "${BUILD_DATE}",
        labels.get("org.opencontainers.image.created"),
        "org.opencontainers.image.created is the build date stamped into the WAR");
    assertEquals(
        "${BUILD_NUMBER}",
        labels.get("io.oteldemo.build.number"),
        "io.oteldemo.build.number is the build number stamped into the WAR");
  }

  private static boolean declares(Stage stage, String argument) {
    return stage.all("ARG").stream().anyMatch(arg -> arg.assignments().containsKey(argument));
  }

  private static int indexOfArg(Stage stage, String argument) {
    return stage.instructions().stream()
        .filter(i -> i.keyword().equals("ARG") && i.assignments().containsKey(argument))
        .findFirst()
        .map(stage.instructions()::indexOf)
        .orElse(-1);
  }

  private static int indexOfCopy(Stage stage, String source) {
    return stage.all("COPY").stream()
        .filter(copy -> copy.operands().get(0).equals(source))
        .findFirst()
        .map(stage.instructions()::indexOf)
        .orElse(Integer.MAX_VALUE);
  }

  @Test
  void noSecretReachesTheImage() {
    List<String> problems = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      Stream.concat(stage.all("ENV").stream(), stage.all("ARG").stream())
          .forEach(
              i ->
                  i.assignments()
                      .forEach(
                          (name, value) -> {
                            if (SECRET_NAME.matcher(name).matches()
                                && value != null
                                && !value.isEmpty()) {
                              problems.add(
                                  i + ": " + name + " looks like a secret and has a value");
                            }
                          }));
      Stream.concat(stage.all("COPY").stream(), stage.all("ADD").stream())
          .forEach(
              copy ->
                  copy.operands().stream()
                      .filter(path -> SECRET_FILE.matcher(path).matches())
                      .forEach(path -> problems.add(copy + ": copies key material " + path)));
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void noDevelopmentSettingReachesTheImage() {
    List<String> forbidden =
        new ArrayList<>(
            List.of(
                ".dev-issuer", "src/dev", "DevIssuer", "sample-data", "liberty.env.", "localhost"));
    forbidden.addAll(DevServerEnv.read().distinctiveValues());
    List<String> problems = new ArrayList<>();
    dockerfile
        .stages()
        .forEach(
            stage ->
                stage
                    .instructions()
                    .forEach(
                        i ->
                            forbidden.stream()
                                .filter(value -> i.arguments().contains(value))
                                .forEach(
                                    value ->
                                        problems.add(
                                            i + ": contains the development setting " + value))));
    assertTrue(
        problems.isEmpty(),
        "the image must run on production settings from the "
            + "environment only:\n"
            + String.join("\n", problems));
    assertEquals(
        List.of(),
        runtime.all("ENV"),
        runtime.describe()
            + " should set no ENV: every "
            + "setting comes from the environment the image runs in");
  }

  @Test
  void theImageListensOnTheServersDefaultPortsOnly() {
    String port = String.valueOf(server.defaultHttpPort());
    String management = String.valueOf(server.defaultManagementPort());
    assertEquals(
        List.of(List.of(port, management)),
        runtime.all("EXPOSE").stream().map(Instruction::operands).toList(),
        "EXPOSE exactly server.xml's http.port and management.port defaults");
    // The JWKS relay's URL reads the http.port system property with the same default: moving the
    // port in one place only would break token checks (docs/OPERATIONS.md).
    assertAll(
        dockerfile.stages().stream()
            .flatMap(s -> s.instructions().stream())
            .map(
                i ->
                    () ->
                        assertTrue(
                            !i.arguments().matches("(?is).*\\b(http\\.port|http_port)\\b.*"),
                            i + ": the image keeps the default port; it must not set http.port")));
  }

  private static Optional<Instruction> copyTo(String source, String target) {
    return runtime.all("COPY").stream()
        .filter(copy -> copy.flag("from").isEmpty())
        .filter(copy -> copy.operands().equals(List.of(source, target)))
        .findFirst();
  }

  private static Optional<Instruction> copyFromBuild(String sourceSuffix, String target) {
    return runtime.all("COPY").stream()
        .filter(copy -> copy.flag("from").isPresent())
        .filter(
            copy ->
                copy.operands().size() == 2
                    && copy.operands().get(0).endsWith("/" + sourceSuffix)
                    && (target == null || copy.operands().get(1).equals(target)))
        .findFirst();
  }

  private static Optional<Instruction> run(String script) {
    return runtime.all("RUN").stream().filter(run -> run.operands().contains(script)).findFirst();
  }

  private static int indexOf(Optional<Instruction> instruction, String expected) {
    return runtime
        .instructions()
        .indexOf(
            instruction.orElseThrow(
                () -> new AssertionError(runtime.describe() + " should have " + expected)));
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    runtime.all("LABEL").forEach(label -> labels.putAll(label.assignments()));
    return labels;
  }
}
