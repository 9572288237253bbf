package io.oteldemo.locations;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of locations, with the query that made it. */
@Schema(name = "LocationList")
@JsonbPropertyOrder({"count", "total", "limit", "offset", "sort", "order", "locations", "traceId"})
public record LocationListView(
    @Schema(description = "Locations on this page", example = "20") int count,
    @Schema(
            description =
                "Locations the query matches in all, on every page: the last page is reached when"
                    + " offset + count >= total",
            example = "390")
        int total,
    @Schema(example = "20") int limit,
    @Schema(example = "0") int offset,
    @Schema(
            enumeration = {
              "created_at",
              "latitude",
              "longitude",
              "accuracy",
              "altitude",
              "velocity",
              "battery"
            },
            example = "created_at")
        String sort,
    @Schema(
            enumeration = {"asc", "desc"},
            example = "desc")
        String order,
    List<LocationView> locations,
    @Schema(
            description = "W3C trace id of the request, also in the x-trace-id header",
            example = "4bf92f3577b34da6a3ce929d0e0e4736")
        @JsonbProperty("trace_id")
        String traceId) {

  static LocationListView of(LocationListRequest request, LocationPage page, String traceId) {
    List<LocationView> locations = page.locations().stream().map(LocationView::of).toList();
    return new LocationListView(
        locations.size(),
        page.total(),
        request.limit(),
        request.offset(),
        request.sort().wireName(),
        request.order().wireName(),
        locations,
        traceId);
  }
}
