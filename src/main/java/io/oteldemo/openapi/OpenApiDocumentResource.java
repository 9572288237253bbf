package io.oteldemo.openapi;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The OpenAPI document ({@code /openapi}) and its UI ({@code /openapi/ui/}) on the API's port, as
 * MicroProfile OpenAPI generates them on the management port (see {@link ManagementPortRelay}).
 */
@Path("/openapi")
@ApplicationScoped
public class OpenApiDocumentResource {

  /**
   * The UI's file names: folders and files of letters, digits, dots, dashes and underscores, none
   * starting with a dot (so no {@code ..}).
   */
  private static final Pattern UI_FILE =
      Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*+(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*+)*+/?)?");

  private static final int MAX_UI_FILE = 200;

  @Inject ManagementPortRelay relay;

  @GET
  @Operation(hidden = true)
  public Response document(
      @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    String query =
        format == null ? "" : "?format=" + URLEncoder.encode(format, StandardCharsets.UTF_8);
    return page("/openapi" + query, Optional.ofNullable(accept));
  }

  /**
   * The UI's files. Its own address ends with a slash (so that its relative links resolve), and a
   * request without one is redirected to it, naming no host.
   */
  @GET
  @Path("ui{file: (/.*)?}")
  @Operation(hidden = true)
  public Response ui(@PathParam("file") String file, @Context UriInfo request) {
    // The path as sent: matching ignores a trailing slash.
    if (file.isEmpty() && !request.getRequestUri().getRawPath().endsWith("/")) {
      return Response.status(Response.Status.MOVED_PERMANENTLY)
          .header(HttpHeaders.LOCATION, "/openapi/ui/")
          .build();
    }
    String name = file.isEmpty() ? "" : file.substring(1);
    if (name.length() > MAX_UI_FILE || !UI_FILE.matcher(name).matches()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "No such page of the API documentation");
    }
    return page("/openapi/ui/" + name, Optional.empty());
  }

  private Response page(String pathAndQuery, Optional<String> accept) {
    ManagementPortRelay.RelayedPage page = relay.get(pathAndQuery, accept);
    return Response.ok(page.body()).header(HttpHeaders.CONTENT_TYPE, page.contentType()).build();
  }
}
