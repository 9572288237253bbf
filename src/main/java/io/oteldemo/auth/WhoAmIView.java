package io.oteldemo.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller as {@code GET /api/whoami} reports them. */
@Schema(name = "Caller")
@JsonbPropertyOrder({"sub", "username", "groups", "tokenUse", "traceId"})
public record WhoAmIView(
    @Schema(example = "7d0f6a52-0000-4000-8000-000000000001") String sub,
    @Schema(example = "alice") String username,
    @Schema(description = "cognito:groups; empty when the token has none") List<String> groups,
    @Schema(
            enumeration = {"access", "id"},
            example = "access")
        @JsonbProperty("token_use")
        String tokenUse,
    @JsonbProperty("trace_id") String traceId) {}
