package io.oteldemo.download;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Counts every answer of the download route once, from its status and error body. */
@Provider
@DownloadMetered
@ApplicationScoped
public class DownloadMetricsFilter implements ContainerResponseFilter {

  @Inject DownloadMetrics metrics;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    metrics.answered(response.getStatus(), response.getEntity());
  }
}
