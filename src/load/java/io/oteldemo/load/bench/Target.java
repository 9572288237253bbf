package io.oteldemo.load.bench;

/** Something the benchmark measures: each client thread gets a call of its own. */
interface Target extends AutoCloseable {

  String name();

  /** The call client {@code index} repeats, e.g. with that client's own token and job. */
  Call client(int index);

  @Override
  default void close() {}

  /** One request; throws when it did not succeed, saying why. */
  @FunctionalInterface
  interface Call {
    void call() throws Exception;
  }
}
