package io.oteldemo.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.oteldemo.load.JobFixtures.OwnedJob;
import io.oteldemo.load.LoadSettings;
import io.oteldemo.load.SampleCalculations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests otel-ui makes, as Gatling chains the simulations combine. Each virtual user carries
 * its own token ({@code #{token}}), so per-user limits and job ownership apply to it alone. Request
 * names are the rows of Gatling's report.
 */
final class DistanceChains {

  static final String CALCULATE = "calculate";
  static final String JOB_STATUS = "job status";
  static final String LIST_JOBS = "list jobs";
  static final String DOWNLOAD = "download";

  private static final Set<String> FINISHED = Set.of("completed", "failed");

  private DistanceChains() {}

  static HttpProtocolBuilder protocol(LoadSettings settings) {
    return http.baseUrl(settings.baseUrl().toString())
        .acceptHeader("application/json")
        .userAgentHeader("otel-demo-load")
        .header("Authorization", "Bearer #{token}");
  }

  /** One user per token, each token used once: the users are distinct. */
  static FeederBuilder<Object> users(List<String> tokens) {
    return listFeeder(tokens.stream().map(token -> Map.<String, Object>of("token", token)).toList())
        .queue();
  }

  /** Users that each own a completed job ({@code #{jobId}}), taken in turn. */
  static FeederBuilder<Object> usersWithJobs(List<OwnedJob> jobs) {
    return listFeeder(
            jobs.stream()
                .map(job -> Map.<String, Object>of("token", job.token(), "jobId", job.jobId()))
                .toList())
        .circular();
  }

  /** POST /calculate for a random sample day; keeps the job id as {@code jobId}. */
  static ChainBuilder calculate() {
    return exec(
        http(CALCULATE)
            .post("/api/distance/calculate")
            .header("Content-Type", "application/json")
            .body(StringBody(session -> SampleCalculations.randomBody()))
            .check(status().is(202), jsonPath("$.job_id").saveAs("jobId"))
            .check(jsonPath("$.status").saveAs("jobStatus")));
  }

  /**
   * GET /jobs/{id} once; keeps {@code jobStatus} and, once completed, {@code csvUrl}. A failed job
   * is a failed request: the sample store only holds days that compute.
   */
  static ChainBuilder jobStatus() {
    return exec(
        http(JOB_STATUS)
            .get("/api/distance/jobs/#{jobId}")
            .check(
                status().is(200),
                jsonPath("$.status").not("failed").saveAs("jobStatus"),
                jsonPath("$.result.csv_download_url").optional().saveAs("csvUrl")));
  }

  /** Polls the job every {@code interval} until it is finished (at most {@code maxPolls}). */
  static ChainBuilder pollToCompletion(Duration interval, int maxPolls) {
    return exec(session -> session.remove("csvUrl"))
        .asLongAs(session -> !finished(session) && session.getInt("poll") < maxPolls, "poll")
        .on(pause(interval).exec(jobStatus()));
  }

  static boolean finished(Session session) {
    return FINISHED.contains(session.getString("jobStatus"));
  }

  /** GET the completed job's CSV. */
  static ChainBuilder download() {
    return exec(
        http(DOWNLOAD)
            .get("#{csvUrl}")
            .header("Accept", "text/csv")
            .check(
                status().is(200),
                headerRegex("Content-Type", "^text/csv").exists(),
                bodyLength().gt(0)));
  }

  /** The job list otel-ui shows: the newest 20 of the user's jobs. */
  static ChainBuilder listJobs() {
    return exec(http(LIST_JOBS).get("/api/distance/jobs?limit=20").check(status().is(200)));
  }
}
