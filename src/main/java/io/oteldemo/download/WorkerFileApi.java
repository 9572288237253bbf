package io.oteldemo.download;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The worker's HTTP endpoint for result files, as a MicroProfile Rest Client (so MicroProfile
 * Telemetry traces each call). A {@link Response}, not a typed body: the file is streamed through,
 * never held in memory, and 404 is an answer, not a failure.
 */
@Path("/download")
public interface WorkerFileApi {

  @GET
  @Path("/{file}")
  Response download(@PathParam("file") String file);
}
