package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParsedKeptRecordsTest {

  private final ParsedKeptRecords records = new ParsedKeptRecords();
  private final AtomicInteger parses = new AtomicInteger();

  @Test
  void theSameTextsAreParsedOnce() {
    RegisteredJob first = records.parse("k", "entry", "final", parser("job-1"));
    RegisteredJob again = records.parse("k", "entry", "final", parser("job-1"));

    assertSame(first, again);
    assertEquals(1, parses.get());
  }

  @Test
  void aChangedEntryOrFinalViewIsParsedAnew() {
    records.parse("k", "entry", "final", parser("job-1"));
    RegisteredJob newEntry = records.parse("k", "entry 2", "final", parser("job-2"));
    RegisteredJob newFinal = records.parse("k", "entry 2", "final 2", parser("job-3"));

    assertEquals("job-2", newEntry.jobId());
    assertEquals("job-3", newFinal.jobId());
    assertEquals(3, parses.get());
    assertSame(newFinal, records.parse("k", "entry 2", "final 2", parser("job-4")));
  }

  @Test
  void eachKeyHasItsOwnRecord() {
    records.parse("a", "entry", "final", parser("job-a"));
    RegisteredJob b = records.parse("b", "entry", "final", parser("job-b"));

    assertEquals("job-b", b.jobId());
    assertEquals(2, parses.get());
  }

  @Test
  void noMoreThanTheCapacityIsHeld() {
    for (int i = 0; i < ParsedKeptRecords.CAPACITY + 50; i++) {
      records.parse("key-" + i, "entry", "final", parser("job-" + i));
    }

    assertEquals(ParsedKeptRecords.CAPACITY, records.size());
  }

  private Supplier<RegisteredJob> parser(String jobId) {
    return () -> {
      parses.incrementAndGet();
      return new RegisteredJob(
          jobId, "alice", LocalDate.of(2026, 1, 25), Optional.empty(), Instant.EPOCH);
    };
  }
}
