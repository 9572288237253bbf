package io.oteldemo.locations;

import java.util.Optional;

/** A checked {@code GET /db/locations}: what the caller asked for, before the device policy. */
public record LocationListRequest(
    Optional<String> deviceId, LocationSort sort, SortOrder order, int limit, int offset) {}
