package io.oteldemo.distance;

import java.time.LocalDate;
import java.util.Optional;

/** A validated request to calculate one day, for one device or (empty) every device. */
public record CalculateCommand(LocalDate date, Optional<String> deviceId) {}
