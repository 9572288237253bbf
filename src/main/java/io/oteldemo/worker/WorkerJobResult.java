package io.oteldemo.worker;

/** The metrics of a completed job and where the worker wrote its CSV. */
public record WorkerJobResult(
    String csvPath,
    double totalDistanceKm,
    int totalLocations,
    double maxDistanceKm,
    double minDistanceKm,
    String date,
    String deviceId,
    long processingTimeMs) {}
