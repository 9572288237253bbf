package io.oteldemo.jobs;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finished jobs' records as last parsed. A kept record never changes (the first keeper wins), yet
 * otel-ui reads the same finished jobs over and over, and parsing the record's JSON (five
 * timestamps and the result) was the largest part of such a read after the token check. A parsed
 * record is reused only while both texts equal those just read from Redis, so a record that expired
 * or was written anew is never answered from here. At most {@value #CAPACITY} records are held;
 * past that, one is dropped for each new one.
 */
final class ParsedKeptRecords {

  static final int CAPACITY = 1024;

  private record Parsed(String entry, String finalView, RegisteredJob job) {}

  private final ConcurrentHashMap<String, Parsed> byKey = new ConcurrentHashMap<>();

  /** The job that {@code parser} makes of these texts, parsed once while they stay the same. */
  RegisteredJob parse(String key, String entry, String finalView, Supplier<RegisteredJob> parser) {
    Parsed last = byKey.get(key);
    if (last != null && last.entry().equals(entry) && last.finalView().equals(finalView)) {
      return last.job();
    }
    RegisteredJob job = parser.get();
    if (last == null && byKey.size() >= CAPACITY) {
      dropOne();
    }
    byKey.put(key, new Parsed(entry, finalView, job));
    return job;
  }

  int size() {
    return byKey.size();
  }

  private void dropOne() {
    Iterator<String> keys = byKey.keySet().iterator();
    if (keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
