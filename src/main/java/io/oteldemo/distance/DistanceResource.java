package io.oteldemo.distance;

import io.oteldemo.DistanceApiApplication;
import io.oteldemo.auth.TokenRequired;
import io.oteldemo.idempotency.IdempotencyKey;
import io.oteldemo.ratelimit.RateLimited;
import io.oteldemo.ratelimit.RouteClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The distance jobs endpoints: parse and validate, call the service, shape the answer. */
@Path("/api/distance")
@TokenRequired
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Distance jobs")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
public class DistanceResource {

  private final DistanceRules rules = new DistanceRules(Clock.systemUTC());
  private final CalculateRequestReader requestReader = new CalculateRequestReader(rules);

  @Inject DistanceJobService jobs;

  @POST
  @Path("/calculate")
  @RateLimited(RouteClass.CALCULATE)
  @SubmissionMetered
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Queue a distance calculation")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalculateRequestSchema.class)))
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = CalculationAccepted.class)))
  public void calculate(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      @Parameter(
              in = ParameterIn.HEADER,
              name = HttpHeaders.CONTENT_ENCODING,
              description = "Absent or identity: a compressed body is refused (415)",
              schema = @Schema(type = SchemaType.STRING))
          @HeaderParam(HttpHeaders.CONTENT_ENCODING)
          List<String> contentEncodings,
      @Parameter(
              in = ParameterIn.HEADER,
              name = IdempotencyKey.HEADER,
              description =
                  "Optional, 1-255 printable ASCII characters, unique per request (e.g. a UUID). Retries"
                      + " with the same key and body get the first answer again for 24 hours; the same"
                      + " key with another body is 422, while the first is still processed 409.",
              schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKey.MAX_LENGTH),
              example = "8e03978e-40d5-43e8-bc93-6894a57f9324")
          @HeaderParam(IdempotencyKey.HEADER)
          String idempotencyKey,
      @Context HttpServletRequest request,
      @Suspended AsyncResponse answer) {
    try {
      answer.resume(
          accept(
              contentType,
              contentLength,
              contentEncodings,
              idempotencyKey,
              new NonBlockingRequestBody(
                  request,
                  CalculateRequestReader.MAX_BODY_BYTES,
                  CalculateRequestReader.BODY_DEADLINE)));
    } catch (RuntimeException e) {
      answer.resume(e);
    }
  }

  private Response accept(
      MediaType contentType,
      Long contentLength,
      List<String> contentEncodings,
      String idempotencyKey,
      InputStream body) {
    CalculateRequestReader.requireIdentityEncoding(contentEncodings);
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
  @RateLimited(value = RouteClass.STATUS, readAlong = JobRecordReadAlong.class)
  @Operation(summary = "A job's status")
  @APIResponse(
      responseCode = "200",
      description = "The job",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  public Response job(
      @Parameter(
              description = "Job id (UUID) from the calculation's answer",
              example = "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a")
          @PathParam("id")
          String id) {
    JobView job = jobs.job(id);
    return withRetryAfter(Response.ok(job), job.status());
  }

  @GET
  @Path("/jobs")
  @RateLimited(RouteClass.STATUS)
  @Operation(summary = "List your jobs, newest first")
  @APIResponse(
      responseCode = "200",
      description = "A page of jobs",
      content = @Content(schema = @Schema(implementation = JobListView.class)))
  public JobListView list(@BeanParam JobListParameters parameters) {
    return jobs.list(parameters.query(rules));
  }

  private static Response withRetryAfter(Response.ResponseBuilder response, String status) {
    PollingAdvice.retryAfterSeconds(status)
        .ifPresent(seconds -> response.header("Retry-After", seconds));
    return response.build();
  }
}
