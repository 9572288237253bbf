package io.oteldemo.distance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a calculation, for the OpenAPI document only: the body itself is read by hand ({@link
 * CalculateRequestReader}) so that every rule answers with our own error.
 */
@Schema(name = "CalculateRequest", requiredProperties = "date")
public record CalculateRequestSchema(
    @Schema(description = "UTC day, YYYY-MM-DD, not in the future", example = "2026-01-25")
        String date,
    @Schema(
            description = "1-64 letters, digits or underscores; omit for every device",
            pattern = "^[A-Za-z0-9_]{1,64}$",
            example = "iphone_stuart")
        String device_id) {}
