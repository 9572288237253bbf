package io.oteldemo.distance;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.idempotency.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every answer of {@code POST /calculate} once, from the answer itself: a 202 is accepted,
 * replayed (an {@code Idempotency-Key}'s earlier answer) or coalesced (an identical running job,
 * {@link JoinedJob}); anything else is rejected, with the error code the client got as the reason.
 * One place, so no branch of the calculation can forget to count or count twice.
 */
@Provider
@SubmissionMetered
@ApplicationScoped
public class SubmissionMetricsFilter implements ContainerResponseFilter {

  @Inject JobMetrics metrics;
  @Inject JoinedJob joined;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status >= 200 && status < 300) {
      metrics.submitted(submission(response));
    } else {
      metrics.rejected(ErrorCode.ofAnswer(status, response.getEntity()));
    }
  }

  private JobMetrics.Submission submission(ContainerResponseContext response) {
    if (response.getHeaders().containsKey(IdempotencyKey.REPLAYED_HEADER)) {
      return JobMetrics.Submission.REPLAYED;
    }
    return joined.joined() ? JobMetrics.Submission.COALESCED : JobMetrics.Submission.ACCEPTED;
  }
}
