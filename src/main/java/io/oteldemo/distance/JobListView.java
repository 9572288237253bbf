package io.oteldemo.distance;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of jobs, newest first. */
@Schema(name = "JobList")
@JsonbPropertyOrder({"jobs", "totalCount", "limit", "offset", "nextOffset", "traceId"})
public record JobListView(
    List<JobSummaryView> jobs,
    @Schema(description = "Number of jobs matching the filters, on every page", example = "3")
        @JsonbProperty("total_count")
        int totalCount,
    @Schema(example = "50") int limit,
    @Schema(example = "0") int offset,
    @Schema(description = "Offset of the next page; null on the last page", nullable = true)
        @JsonbProperty("next_offset")
        @JsonbNillable
        Integer nextOffset,
    @JsonbProperty("trace_id") String traceId) {}
