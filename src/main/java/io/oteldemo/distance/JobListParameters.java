package io.oteldemo.distance;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of the job list, as sent and documented; {@link #query} checks them. Kept
 * out of the resource so that it reads as code.
 */
public class JobListParameters {

  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      description = "queued, processing, completed or failed")
  @QueryParam("status")
  String status;

  @Parameter(
      name = "date",
      in = ParameterIn.QUERY,
      description = "YYYY-MM-DD",
      example = "2026-01-25")
  @QueryParam("date")
  String date;

  @Parameter(
      name = "device_id",
      in = ParameterIn.QUERY,
      description = "Device id",
      example = "iphone_stuart")
  @QueryParam("device_id")
  String deviceId;

  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "1-500, default 50",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
  @QueryParam("limit")
  String limit;

  @Parameter(
      name = "offset",
      in = ParameterIn.QUERY,
      description = ">= 0, default 0",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
  @QueryParam("offset")
  String offset;

  /** The checked query; a parameter that breaks its rule is a validation error naming it. */
  JobQuery query(DistanceRules rules) {
    return new JobQuery(
        rules.status("status", status),
        rules.dateFilter("date", date),
        rules.deviceIdFilter("device_id", deviceId),
        rules.limit("limit", limit),
        rules.offset("offset", offset));
  }
}
