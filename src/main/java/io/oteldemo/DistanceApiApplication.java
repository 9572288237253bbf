package io.oteldemo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application. It is mapped at the root so that every path of the web application,
 * including unknown ones, is answered by our exception mappers with the JSON error body rather than
 * by the container's HTML error page. The error answers of the OpenAPI document are in {@code
 * src/main/openapi/openapi.yaml}, which the build merges with the annotations (pom.xml).
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
    tags = {
      @Tag(name = "Distance jobs", description = "Queue and track distance calculations"),
      @Tag(name = "Downloads", description = "CSV results of completed jobs"),
      @Tag(name = "Caller", description = "Who the token identifies"),
      @Tag(name = "Service", description = "Whether the service is up and ready, and what it is"),
      @Tag(
          name = "Trace demonstrations",
          description =
              "Calls that show tracing at work, for otel-ui's OTel Testing page: a span per"
                  + " step, a held answer, a deliberate error")
    })
@SecurityScheme(
    securitySchemeName = DistanceApiApplication.BEARER_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An AWS Cognito access or ID token (locally: the development issuer's token,"
            + " see the README)")
public class DistanceApiApplication extends Application {

  /** The OpenAPI name of the Cognito bearer token scheme. */
  public static final String BEARER_SCHEME = "cognito";
}
