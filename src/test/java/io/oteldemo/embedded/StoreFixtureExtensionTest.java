package io.oteldemo.embedded;

import static io.oteldemo.locations.RecorderFiles.locationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What {@link StoreFixtureExtension} promises, checked by running a sample class. */
class StoreFixtureExtensionTest {

  static final List<StoreFixture> SEEN = new CopyOnWriteArrayList<>();
  static final List<Level> BOARD_LEVELS = new CopyOnWriteArrayList<>();

  @Test
  void everyTestGetsItsOwnStoreDeletedAfterwardsAlsoAfterAFailure() {
    SEEN.clear();
    BOARD_LEVELS.clear();
    Logger board = Logger.getLogger(EmbeddedJobBoard.class.getName());
    Level before = board.getLevel();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Sample.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));

    // Each test saw its store twice: in @BeforeEach and in the test.
    assertEquals(4, SEEN.size(), "every method got a store: " + SEEN);
    assertSame(SEEN.get(0), SEEN.get(1), "set-up and test share one store");
    assertEquals(2, SEEN.stream().distinct().count(), "a store per test");
    for (StoreFixture fixture : SEEN) {
      assertFalse(Files.exists(fixture.root()), "store deleted: " + fixture.root());
      assertFalse(Files.exists(fixture.csvDirectory()), "CSVs deleted: " + fixture.csvDirectory());
    }
    assertEquals(List.of(Level.SEVERE, Level.SEVERE), BOARD_LEVELS, "board quiet during tests");
    assertEquals(before, board.getLevel(), "board's log level restored afterwards");
  }

  /** Nested, so that the build does not run it on its own. */
  @ExtendWith(StoreFixtureExtension.class)
  static class Sample {

    @BeforeEach
    void setUp(StoreFixture fixture) throws IOException {
      SEEN.add(fixture);
      String line = locationLine("2026-01-25T08:00:00Z", 40.7, -74.0, 1, 2, 3);
      fixture.write("u/phone/2026-01", line);
      Files.writeString(fixture.csvDirectory().resolve("leftover.csv"), "a,b\n");
      BOARD_LEVELS.add(Logger.getLogger(EmbeddedJobBoard.class.getName()).getLevel());
    }

    @Test
    void reads(StoreFixture fixture) {
      SEEN.add(fixture);
      LocalDate day = LocalDate.of(2026, 1, 25);
      assertEquals(1, fixture.reader().locations(day, Optional.empty()).size(), "the line written");
    }

    @Test
    void fails(StoreFixture fixture) {
      SEEN.add(fixture);
      throw new AssertionError("a failing test");
    }
  }
}
