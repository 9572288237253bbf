package io.oteldemo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import io.oteldemo.error.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application. It is mapped at the root so that every path of the web application,
 * including unknown ones, is answered by our exception mappers with the JSON error body rather
 * than by the container's HTML error page.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "otel-demo distance API",
            version = "1.0",
            description =
                "Queues distance-from-home calculations on otel-worker, reports their progress and"
                    + " serves the resulting CSV files. Jobs are asynchronous: POST a calculation,"
                    + " poll its status_url, then download its csv_download_url.",
            license = @License(name = "MIT")),
    components =
        @Components(
            responses = {
              @APIResponse(name = DistanceApiApplication.UNAUTHORIZED,
                  description = "No token, or a token that is invalid, expired, or for another client",
                  headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
                  content = @Content(mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ErrorBody.class),
                      example = "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"The token has expired\"},"
                          + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}")),
              @APIResponse(name = DistanceApiApplication.FORBIDDEN, description = "The user is not in the required group",
                  content = @Content(mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ErrorBody.class))),
              @APIResponse(name = DistanceApiApplication.RATE_LIMITED, description = "The user's limit for this kind of request is"
                      + " used up; see Retry-After, RateLimit and RateLimit-Policy",
                  headers = {
                    @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "RateLimit", description = "e.g. \"calculate\";r=0;t=42",
                        schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "RateLimit-Policy", description = "e.g. \"calculate\";q=10;w=60",
                        schema = @Schema(type = SchemaType.STRING))
                  },
                  content = @Content(mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ErrorBody.class),
                      example = "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"Too many calculate requests:"
                          + " at most 10 per 60 s\",\"details\":{\"policy\":\"calculate\",\"limit\":10,"
                          + "\"window_seconds\":60,\"retry_after_seconds\":6}},\"trace_id\":"
                          + "\"4bf92f3577b34da6a3ce929d0e0e4736\"}"))
            }),
    tags = {
      @Tag(name = "Distance jobs", description = "Queue and track distance calculations"),
      @Tag(name = "Downloads", description = "CSV results of completed jobs"),
      @Tag(name = "Caller", description = "Who the token identifies")
    })
@SecurityScheme(
    securitySchemeName = DistanceApiApplication.BEARER_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "An AWS Cognito access or ID token (locally: the development issuer's token,"
        + " see the README)")
public class DistanceApiApplication extends Application {

  /** The OpenAPI name of the Cognito bearer token scheme. */
  public static final String BEARER_SCHEME = "cognito";

  /** Names of the error answers every protected operation shares, in the OpenAPI components. */
  public static final String UNAUTHORIZED = "Unauthorized";

  public static final String FORBIDDEN = "Forbidden";
  public static final String RATE_LIMITED = "RateLimited";
}
