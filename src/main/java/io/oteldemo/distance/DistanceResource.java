package io.oteldemo.distance;

import io.oteldemo.error.ErrorBody;
import io.oteldemo.ratelimit.RateLimited;
import io.oteldemo.ratelimit.RouteClass;
import io.oteldemo.idempotency.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.oteldemo.DistanceApiApplication;

/** The distance jobs endpoints: parse and validate, call the service, shape the answer. */
@Path("/api/distance")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Distance jobs")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
@APIResponse(responseCode = "401", ref = DistanceApiApplication.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = DistanceApiApplication.FORBIDDEN)
@APIResponse(responseCode = "429", ref = DistanceApiApplication.RATE_LIMITED)
public class DistanceResource {

  private final DistanceRules rules = new DistanceRules(Clock.systemUTC());
  private final CalculateRequestReader requestReader = new CalculateRequestReader(rules);

  @Inject DistanceJobService jobs;

  @POST
  @Path("/calculate")
  @RateLimited(RouteClass.CALCULATE)
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Queue a distance calculation",
      description = "Queues the calculation of one UTC day's distances from home, for one device"
          + " or every device. Poll the job at status_url (also in Location), waiting"
          + " Retry-After seconds between polls. With an Idempotency-Key, retries of the same"
          + " request get the first answer again (same job_id, Idempotent-Replayed: true) for 24"
          + " hours. Without one, a request identical to one of yours whose job is still queued"
          + " or processing (same date and device) gets that job instead of a new one.")
  @RequestBody(
      required = true,
      content = @Content(
          mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = CalculateRequestSchema.class),
          examples = {
            @ExampleObject(name = "one device",
                value = "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}"),
            @ExampleObject(name = "every device", value = "{\"date\":\"2026-01-25\"}")
          }))
  @APIResponse(responseCode = "202", description = "Queued",
      headers = {
        @Header(name = "Location", description = "The job's status URL (relative, as status_url)",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "Retry-After", description = "Seconds before the first poll is worth it",
            schema = @Schema(type = SchemaType.INTEGER)),
        @Header(name = IdempotencyKey.REPLAYED_HEADER,
            description = "true when this repeats the answer to an earlier request with the"
                + " same Idempotency-Key",
            schema = @Schema(type = SchemaType.BOOLEAN))
      },
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = CalculationAccepted.class)))
  @APIResponse(responseCode = "400",
      description = "Body not JSON, wrong Content-Type, missing/invalid/future date, bad"
          + " device_id, empty Idempotency-Key or one over 255 characters",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"date must use the"
              + " format YYYY-MM-DD\",\"details\":{\"field\":\"date\",\"value\":\"25-01-2026\"}},"
              + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "403",
      description = "The user is not in the group the deployment requires, or none of the"
          + " user's groups may calculate this device, or every device at once (DEVICE_ACCESS);"
          + " details.device_id names the device, * for every device",
      headers = @Header(name = "WWW-Authenticate",
          description = "Bearer realm=\"otel-demo\", error=\"insufficient_scope\"",
          schema = @Schema(type = SchemaType.STRING)),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"FORBIDDEN\",\"message\":\"None of your groups may"
              + " calculate device pixel_anna\",\"details\":{\"device_id\":\"pixel_anna\"}},"
              + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "409",
      description = "A request with this Idempotency-Key is still being processed; retry after"
          + " Retry-After seconds",
      headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"CONFLICT\",\"message\":\"A request with this"
              + " Idempotency-Key is still being processed; retry after Retry-After seconds\","
              + "\"details\":{\"field\":\"Idempotency-Key\"}},"
              + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "422",
      description = "This Idempotency-Key was already used for a different request (another"
          + " date or device)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"UNPROCESSABLE_ENTITY\",\"message\":\"This"
              + " Idempotency-Key was already used for a different request; use a new key for a"
              + " new request\",\"details\":{\"field\":\"Idempotency-Key\"}},"
              + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "413", description = "Body over 4 KiB",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"The body must not"
              + " exceed 4096 bytes\"},\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "415", description = "A Content-Encoding (compressed body)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"UNSUPPORTED_MEDIA_TYPE\",\"message\":\"Content-Encoding"
              + " is not supported: send the JSON body uncompressed\",\"details\":{\"field\":"
              + "\"Content-Encoding\"}},\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "502", description = "The worker answered with an unexpected error",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "503",
      description = "The worker is unreachable or its queue is full, or the shared state"
          + " (Redis) is unavailable; see Retry-After. When the worker had already queued the"
          + " job, the job is recorded once Redis answers and a retry with the same"
          + " Idempotency-Key resolves to it (409 until then)",
      headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"The distance"
              + " worker is unavailable\"},\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "504", description = "The worker did not answer in time",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  public Response calculate(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      @Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER,
          description = "Optional, 1-255 characters, unique per request (e.g. a UUID). Retries"
              + " with the same key and body get the first answer again for 24 hours; the same"
              + " key with another body is 422, while the first is still processed 409.",
          schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKey.MAX_LENGTH),
          example = "8e03978e-40d5-43e8-bc93-6894a57f9324")
          @HeaderParam(IdempotencyKey.HEADER)
          String idempotencyKey,
      InputStream body) {
    CalculateRequestReader.requireIdentityEncoding(contentEncoding);
    if (contentLength != null && contentLength > CalculateRequestReader.MAX_BODY_BYTES) {
      throw CalculateRequestReader.tooLarge();
    }
    Optional<IdempotencyKey> key = IdempotencyKey.parse(idempotencyKey);
    Calculation calculation = jobs.calculate(requestReader.read(contentType, body), key);
    CalculationAccepted accepted = calculation.accepted();
    // The status URL as it is, relative: ResponseBuilder.location would make it absolute from
    // the request's Host header, which any client can set.
    Response.ResponseBuilder response =
        Response.accepted(accepted).header(HttpHeaders.LOCATION, accepted.statusUrl());
    if (calculation.replayed()) {
      response.header(IdempotencyKey.REPLAYED_HEADER, "true");
    }
    return withRetryAfter(response, accepted.status());
  }

  @GET
  @Path("/jobs/{id}")
  @RateLimited(RouteClass.STATUS)
  @Operation(
      summary = "A job's status",
      description = "date and device_id are always present; started_at and completed_at once"
          + " set; error_message only when failed; result only when completed. While the job is"
          + " not finished, Retry-After says when to poll again.")
  @APIResponse(responseCode = "200", description = "The job",
      headers = @Header(name = "Retry-After", description = "Present while the job is not finished",
          schema = @Schema(type = SchemaType.INTEGER)),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = JobView.class)))
  @APIResponse(responseCode = "404",
      description = "Unknown or malformed job id, or another user's job",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Job not found: 42\"},"
              + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "502", description = "Unexpected worker error",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "503",
      description = "The worker or the shared state (Redis) is unreachable",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "504", description = "The worker did not answer in time",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  public Response job(
      @Parameter(description = "Job id (UUID) from the calculation's answer",
          example = "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a")
          @PathParam("id")
          String id) {
    JobView job = jobs.job(id);
    return withRetryAfter(Response.ok(job), job.status());
  }

  @GET
  @Path("/jobs")
  @RateLimited(RouteClass.STATUS)
  @Operation(
      summary = "List your jobs, newest first",
      description = "The caller's jobs only. Every filter is applied; total_count counts every"
          + " matching job and next_offset is null on the last page.")
  @APIResponse(responseCode = "200", description = "A page of jobs",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = JobListView.class)))
  @APIResponse(responseCode = "400", description = "A parameter breaks its rule",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class),
          example = "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"limit must be a"
              + " whole number from 1 to 500\",\"details\":{\"field\":\"limit\",\"value\":\"0\"}},"
              + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
  @APIResponse(responseCode = "503",
      description = "The worker or the shared state (Redis) is unreachable",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  @APIResponse(responseCode = "504", description = "The worker did not answer in time",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = ErrorBody.class)))
  public JobListView list(
      @Parameter(in = ParameterIn.QUERY, description = "queued, processing, completed or failed")
          @QueryParam("status")
          String status,
      @Parameter(in = ParameterIn.QUERY, description = "YYYY-MM-DD", example = "2026-01-25")
          @QueryParam("date")
          String date,
      @Parameter(in = ParameterIn.QUERY, description = "Device id", example = "iphone_stuart")
          @QueryParam("device_id")
          String deviceId,
      @Parameter(in = ParameterIn.QUERY, description = "1-500, default 50",
          schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500",
              defaultValue = "50"))
          @QueryParam("limit")
          String limit,
      @Parameter(in = ParameterIn.QUERY, description = ">= 0, default 0",
          schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
          @QueryParam("offset")
          String offset) {
    return jobs.list(new JobQuery(
        rules.status("status", status),
        rules.dateFilter("date", date),
        rules.deviceIdFilter("device_id", deviceId),
        rules.limit("limit", limit),
        rules.offset("offset", offset)));
  }

  private static Response withRetryAfter(Response.ResponseBuilder response, String status) {
    PollingAdvice.retryAfterSeconds(status)
        .ifPresent(seconds -> response.header("Retry-After", seconds));
    return response.build();
  }

  /** The body of a calculation, for the OpenAPI document only (the body is read by hand). */
  @Schema(name = "CalculateRequest", requiredProperties = "date")
  public record CalculateRequestSchema(
      @Schema(description = "UTC day, YYYY-MM-DD, not in the future", example = "2026-01-25")
          String date,
      @Schema(description = "1-64 letters, digits or underscores; omit for every device",
          pattern = "^[A-Za-z0-9_]{1,64}$", example = "iphone_stuart")
          String device_id) {}
}
