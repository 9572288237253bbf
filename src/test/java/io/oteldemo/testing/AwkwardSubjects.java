package io.oteldemo.testing;

import java.util.stream.Stream;

/**
 * Token subjects chosen to break a naive hash tag <code>{sub}</code>: ones that begin with, hold or
 * are a <code>}</code> (an empty or cut tag would scatter a user's keys over Redis Cluster slots),
 * braces in pairs, the escape character itself and an ordinary {@code sub}.
 */
public final class AwkwardSubjects {

  private AwkwardSubjects() {}

  /** For {@code @MethodSource("io.oteldemo.testing.AwkwardSubjects#subjects")}. */
  public static Stream<String> subjects() {
    return Stream.of(
        "}a",
        "}",
        "a}b",
        "{}",
        "{x}",
        "x{",
        "%7D",
        "a%b",
        "",
        "6b1f0c5e-7d1a-4c0e-9f3b-2f1e5d4c3b2a");
  }
}
