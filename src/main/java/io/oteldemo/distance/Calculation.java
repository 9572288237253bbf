package io.oteldemo.distance;

/**
 * The answer to {@code POST /calculate}, and whether it repeats the answer given to an earlier
 * request with the same {@code Idempotency-Key} (then marked {@code Idempotent-Replayed: true}).
 */
public record Calculation(CalculationAccepted accepted, boolean replayed) {}
