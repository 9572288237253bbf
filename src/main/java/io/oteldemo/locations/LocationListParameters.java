package io.oteldemo.locations;

import io.oteldemo.deviceaccess.DeviceIds;
import io.oteldemo.error.ValidationException;
import io.oteldemo.error.WholeNumbers;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of {@code GET /db/locations}, as sent and documented; {@link #request}
 * checks them. Each is read as every value sent, so that a repeated parameter is refused rather
 * than one of its values silently chosen; an empty value is refused too.
 */
public class LocationListParameters {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  /** Bounds the work a page costs: the store must order every record up to the page's end. */
  static final int MAX_OFFSET = 10_000;

  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "1-100, default 20",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  @QueryParam("limit")
  List<String> limit;

  @Parameter(
      name = "offset",
      in = ParameterIn.QUERY,
      description = "0-10000, default 0",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "10000", defaultValue = "0"))
  @QueryParam("offset")
  List<String> offset;

  @Parameter(
      name = "sort",
      in = ParameterIn.QUERY,
      description = "The column to order by, default created_at; ties are ordered by id",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {
                "created_at",
                "latitude",
                "longitude",
                "accuracy",
                "altitude",
                "velocity",
                "battery"
              },
              defaultValue = "created_at"))
  @QueryParam("sort")
  List<String> sort;

  @Parameter(
      name = "order",
      in = ParameterIn.QUERY,
      description = "asc or desc, default desc",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"asc", "desc"},
              defaultValue = "desc"))
  @QueryParam("order")
  List<String> order;

  @Parameter(
      name = "device_id",
      in = ParameterIn.QUERY,
      description =
          "One device (1-64 letters, digits or underscores); without it, every device the"
              + " caller may read",
      example = "iphone_stuart")
  @QueryParam("device_id")
  List<String> deviceId;

  /** The checked request; a parameter that breaks its rule is a validation error naming it. */
  LocationListRequest request() {
    Optional<String> device = once("device_id", deviceId);
    Optional<String> sortName = once("sort", sort);
    Optional<String> orderName = once("order", order);
    Optional<String> limitValue = once("limit", limit);
    Optional<String> offsetValue = once("offset", offset);
    return new LocationListRequest(
        device.flatMap(value -> DeviceIds.optional("device_id", value)),
        sortName.map(value -> LocationSort.parse("sort", value)).orElse(LocationSort.CREATED_AT),
        orderName.map(value -> SortOrder.parse("order", value)).orElse(SortOrder.DESC),
        limitValue
            .map(value -> WholeNumbers.parse("limit", value, 1, MAX_LIMIT))
            .orElse(DEFAULT_LIMIT),
        offsetValue.map(value -> WholeNumbers.parse("offset", value, 0, MAX_OFFSET)).orElse(0));
  }

  private static Optional<String> once(String field, List<String> values) {
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new ValidationException(field, values, field + " must be given at most once");
    }
    return Optional.of(values.get(0));
  }
}
