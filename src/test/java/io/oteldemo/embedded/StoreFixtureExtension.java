package io.oteldemo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The embedded worker tests' store: a fresh {@link StoreFixture} for every test that asks for one
 * (also in its {@code @BeforeEach}), deleted after the test. While the class runs, the job board's
 * warnings about the job failures the tests cause on purpose are silenced.
 */
final class StoreFixtureExtension
    implements ParameterResolver, AfterEachCallback, BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StoreFixtureExtension.class);

  /** Held here so that the level set on it is not lost to garbage collection. */
  private static final Logger BOARD_LOG = Logger.getLogger(EmbeddedJobBoard.class.getName());

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(Level.class, Optional.ofNullable(BOARD_LOG.getLevel()));
    BOARD_LOG.setLevel(Level.SEVERE);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Optional<?> previous = context.getStore(NAMESPACE).remove(Level.class, Optional.class);
    BOARD_LOG.setLevel(previous == null ? null : (Level) previous.orElse(null));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    // Only a test's methods: the fixture lives as long as one test.
    return parameter.getParameter().getType() == StoreFixture.class
        && context.getTestMethod().isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(StoreFixture.class, key -> create(), StoreFixture.class);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    StoreFixture fixture =
        context.getStore(NAMESPACE).remove(StoreFixture.class, StoreFixture.class);
    if (fixture != null) {
      delete(fixture.root());
      delete(fixture.csvDirectory());
    }
  }

  private static StoreFixture create() {
    try {
      return new StoreFixture(
          Files.createTempDirectory("recorder-store"), Files.createTempDirectory("distance-csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) throws IOException {
    List<Path> deepestFirst;
    try (Stream<Path> paths = Files.walk(folder)) {
      deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : deepestFirst) {
      Files.deleteIfExists(path);
    }
  }
}
