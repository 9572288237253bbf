package io.oteldemo.locations;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link LocationStore#status()} found: whether the store answered, its database name and
 * server version, and where it is (host and port, reported only when the operator opts in).
 */
public record StoreStatus(
    boolean connected,
    String database,
    String serverVersion,
    Optional<String> host,
    OptionalInt port) {}
