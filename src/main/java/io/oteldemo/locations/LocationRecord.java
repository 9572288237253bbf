package io.oteldemo.locations;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One OwnTracks location of one device. Everything but the id, time, device and position is
 * optional: the OwnTracks apps leave out what the phone does not know.
 *
 * @param id stable for the record while it is stored; how an adapter derives it is its own (see
 *     {@link RecorderLineParser#idOf})
 * @param timestamp when the position was taken
 * @param tid the two-letter tracker id the app shows
 * @param accuracy metres
 * @param altitude metres
 * @param battery percent
 * @param velocity km/h
 */
public record LocationRecord(
    long id,
    Instant timestamp,
    String deviceId,
    Optional<String> tid,
    GeoPoint position,
    OptionalInt accuracy,
    OptionalDouble altitude,
    OptionalInt battery,
    OptionalInt velocity) {}
