package io.oteldemo.download;

import io.oteldemo.DistanceApiApplication;
import io.oteldemo.auth.CurrentUser;
import io.oteldemo.auth.TokenRequired;
import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.ratelimit.RateLimited;
import io.oteldemo.ratelimit.RouteClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Streams a completed job's CSV to the job's owner, never holding the whole file in memory. Any
 * other caller gets the answer of a missing file, so the answer tells nobody which days and devices
 * someone else calculated.
 */
@Path("/api/distance/download")
@TokenRequired
@ApplicationScoped
@Tag(name = "Downloads")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
public class DownloadResource {

  static final String CSV_TYPE = "text/csv; charset=utf-8";

  @Inject CsvSource csvSource;
  @Inject DownloadAccess access;
  @Inject CurrentUser user;
  @Inject DownloadMetrics metrics;

  @GET
  @Path("/{file: .+}")
  @RateLimited(RouteClass.DOWNLOAD)
  @DownloadMetered
  @Produces({CSV_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Download a job's CSV",
      description =
          "The file named by a completed job's result.csv_download_url. Only the"
              + " owner of a completed job whose result is the file may download it; for anyone"
              + " else the file does not exist (404).")
  @APIResponse(
      responseCode = "200",
      description = "The CSV, streamed",
      content =
          @Content(
              mediaType = "text/csv",
              example =
                  "timestamp,device_id,latitude,longitude,distance_from_home_km,accuracy,"
                      + "battery,velocity\n2026-01-25T00:08:52Z,iphone_stuart,40.736071,-74.039424,0.01,"
                      + "25,58,0\n"))
  public Response download(
      @Parameter(
              description = "distance_YYYYMMDD.csv or distance_YYYYMMDD_<device>.csv",
              example = "distance_20260125_iphone_stuart.csv")
          @PathParam("file")
          String file) {
    String name = CsvFileName.check(file);
    if (!access.ownsResult(user.require().subject(), name)) {
      throw noSuchFile(name);
    }
    CsvFile csv = csvSource.open(name).orElseThrow(() -> noSuchFile(name));
    Response.ResponseBuilder response =
        Response.ok(stream(csv.content()), CSV_TYPE)
            .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    csv.size().ifPresent(size -> response.header(HttpHeaders.CONTENT_LENGTH, size));
    return response.build();
  }

  /** One answer for a missing file and for another user's: nothing tells them apart. */
  private static ApiException noSuchFile(String name) {
    return new ApiException(ErrorCode.NOT_FOUND, "No such file: " + name);
  }

  /** Streams the file; its bytes are counted once it was written whole. */
  private StreamingOutput stream(InputStream content) {
    return output -> {
      try (InputStream in = content) {
        metrics.sent(in.transferTo(output));
      }
    };
  }
}
