package io.oteldemo.locations;

import io.oteldemo.DistanceApiApplication;
import io.oteldemo.auth.TokenRequired;
import io.oteldemo.ratelimit.RateLimited;
import io.oteldemo.ratelimit.RouteClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The location store endpoints: parse and validate, call {@link LocationReads}, answer. */
@TokenRequired
@Path("/db")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(
    name = "Location store",
    description = "The OwnTracks locations the worker computes from, as the device policy allows")
@SecurityRequirement(name = DistanceApiApplication.BEARER_SCHEME)
public class LocationStoreResource {

  @Inject LocationReads reads;

  @GET
  @Path("/status")
  @RateLimited(RouteClass.STATUS)
  @Operation(summary = "Whether the location store answers, and what it is")
  @APIResponse(
      responseCode = "200",
      description = "The store answers",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StoreStatusView.class)))
  public StoreStatusView status() {
    return reads.status();
  }

  @GET
  @Path("/locations")
  @RateLimited(RouteClass.STATUS)
  @Operation(summary = "A page of the locations you may read")
  @APIResponse(
      responseCode = "200",
      description = "A page of locations",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LocationListView.class)))
  public LocationListView locations(@BeanParam LocationListParameters parameters) {
    return reads.list(parameters.request());
  }
}
