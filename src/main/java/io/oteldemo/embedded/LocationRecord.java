package io.oteldemo.embedded;

import java.time.Instant;
import java.util.OptionalInt;

/** One OwnTracks location of one device; accuracy, battery and velocity are optional. */
public record LocationRecord(
    Instant timestamp,
    String deviceId,
    GeoPoint position,
    OptionalInt accuracy,
    OptionalInt battery,
    OptionalInt velocity) {}
