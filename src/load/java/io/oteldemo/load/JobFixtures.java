package io.oteldemo.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One completed job per user, made before a test that reads job status: each user may only read
 * jobs it created, and a finished job's answer does not change while the test runs.
 */
public final class JobFixtures {

  /** Below the embedded worker's queue of 100, so setting up never fills it. */
  private static final int BATCH = 50;

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUrl;

  public JobFixtures(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A user's token and the id of a job of theirs that has completed. */
  public record OwnedJob(String token, String jobId) {}

  /** Queues one calculation per token, in batches, and waits for each to complete. */
  public List<OwnedJob> completedJobs(List<String> tokens) {
    List<OwnedJob> jobs = new ArrayList<>();
    for (int from = 0; from < tokens.size(); from += BATCH) {
      List<OwnedJob> batch = new ArrayList<>();
      for (String token : tokens.subList(from, Math.min(tokens.size(), from + BATCH))) {
        batch.add(new OwnedJob(token, queue(token)));
      }
      for (OwnedJob job : batch) {
        awaitCompletion(job);
      }
      jobs.addAll(batch);
    }
    return jobs;
  }

  /**
   * Queues one calculation per token for {@code heldDevice}, a device the embedded worker holds
   * (EMBEDDED_WORKER_HOLD_DEVICES), and checks that each job is processing: reading such a job asks
   * the worker every time.
   */
  public List<OwnedJob> runningJobs(List<String> tokens, String heldDevice) {
    String body = "{\"date\":\"2026-01-25\",\"device_id\":\"" + heldDevice + "\"}";
    List<OwnedJob> jobs = new ArrayList<>();
    for (String token : tokens) {
      OwnedJob job = new OwnedJob(token, queue(token, body));
      HttpResponse<String> answer =
          send(request("/api/distance/jobs/" + job.jobId(), token).GET().build());
      String status = answer.statusCode() == 200 ? json(answer).getString("status") : null;
      if (!"processing".equals(status)) {
        throw new IllegalStateException(
            "Job "
                + job.jobId()
                + " of device "
                + heldDevice
                + " is not held processing ("
                + answer.statusCode()
                + " "
                + answer.body()
                + "): is EMBEDDED_WORKER_HOLD_DEVICES="
                + heldDevice
                + " set on the server?");
      }
      jobs.add(job);
    }
    return jobs;
  }

  private String queue(String token) {
    return queue(token, SampleCalculations.randomBody());
  }

  private String queue(String token, String body) {
    HttpResponse<String> answer =
        send(
            request("/api/distance/calculate", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (answer.statusCode() != 202) {
      throw new IllegalStateException(
          "Cannot queue a fixture job: " + answer.statusCode() + " " + answer.body());
    }
    return json(answer).getString("job_id");
  }

  private void awaitCompletion(OwnedJob job) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer =
          send(request("/api/distance/jobs/" + job.jobId(), job.token()).GET().build());
      String status = answer.statusCode() == 200 ? json(answer).getString("status") : null;
      if ("completed".equals(status)) {
        return;
      }
      if (status == null || status.equals("failed")) {
        throw new IllegalStateException(
            "Fixture job "
                + job.jobId()
                + " did not complete: "
                + answer.statusCode()
                + " "
                + answer.body());
      }
      sleep();
    }
    throw new IllegalStateException(
        "Fixture job " + job.jobId() + " still running after " + GIVE_UP.toSeconds() + " s");
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static JsonObject json(HttpResponse<String> answer) {
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
