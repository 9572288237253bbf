package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored instants read as {@link Instant#parse} reads them, whatever the text. */
class StoredInstantsTest {

  @Test
  void readsWhatInstantToStringWrites() {
    Random random = new Random(20261206);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertEquals(instant, StoredInstants.parse(instant.toString()), instant.toString());
    }
  }

  /** Forms Instant.toString never writes, accepted or refused as Instant.parse decides. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1970-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "2024-02-29T23:59:59.999999999Z",
        "2026-01-25",
        "2026-01-25T10:15:30.1Z",
        "2026-01-25T10:15:30.12345Z",
        "2026-01-25T10:15:30.1234567890Z",
        "2026-01-25T10:15:30.Z",
        "2026-01-25T10:15:30.12aZ",
        "2026-01-25T10:15:30.123",
        "2026-01-25T10:15:30z",
        "2026-01-25t10:15:30Z",
        "2026-01-25 10:15:30Z",
        "2026-01-25T10:15:30+01:00",
        "2026-12-31T23:59:60Z",
        "2026-01-25T24:00:00Z",
        "2026-01-25T10:60:30Z",
        "2026-02-30T10:15:30Z",
        "2026-13-01T10:15:30Z",
        "2026-01-25T10:15:3\u0663Z",
        "+12026-01-25T10:15:30Z",
        "-0001-01-01T00:00:00Z"
      })
  void agreesWithInstantParseOnEveryOtherText(String text) {
    Object expected = outcome(() -> Instant.parse(text));
    assertEquals(expected, outcome(() -> StoredInstants.parse(text)), text);
  }

  /** The instant read, or the kind of exception thrown. */
  private static Object outcome(Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }
}
