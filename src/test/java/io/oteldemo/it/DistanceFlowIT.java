package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole flow against the running server: calculate, poll, download, check the numbers. */
public class DistanceFlowIT {

  private final ApiClient api = new ApiClient();

  @Test
  void calculateAnswers202WithStatusUrlLocationAndRetryAfter() {
    ApiClient.Answer answer =
        api.postJson(
            "/api/distance/calculate", "{\"date\":\"2026-01-24\",\"device_id\":\"pixel_alex\"}");

    assertEquals(202, answer.status(), () -> "202 expected: " + answer);
    JsonObject body = answer.json();
    String jobId = body.getString("job_id");
    assertTrue(jobId.matches("[0-9a-f-]{36}"), () -> "UUID job id expected: " + answer);
    assertEquals("queued", body.getString("status"));
    assertNotNull(body.getString("queued_at"));
    assertEquals("/api/distance/jobs/" + jobId, body.getString("status_url"));
    assertTrue(
        answer.header("Location").endsWith("/api/distance/jobs/" + jobId),
        () -> "Location should point at the status URL: " + answer.header("Location"));
    assertTrue(Long.parseLong(answer.header("Retry-After")) > 0, "Retry-After in seconds");
    assertTraceId(answer, body);
  }

  @Test
  void completedJobReportsMetricsThatMatchAnIndependentComputationAndItsCsv() {
    String jobId =
        JobPolling.submit(api, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");

    JsonObject job = JobPolling.awaitFinished(api, jobId);

    assertEquals("completed", job.getString("status"), () -> "job: " + job);
    assertEquals("2026-01-25", job.getString("date"));
    assertEquals("iphone_stuart", job.getString("device_id"));
    assertNotNull(job.getString("started_at", null), "started_at once started");
    assertNotNull(job.getString("completed_at", null), "completed_at once done");
    assertFalse(job.containsKey("error_message"), "no error_message on success");

    List<SampleStore.Point> points = SampleStore.locations("stuart", "iphone_stuart", "2026-01-25");
    double[] expected = points.stream().mapToDouble(SampleStore::kmFromHome).toArray();
    JsonObject result = job.getJsonObject("result");
    assertEquals(points.size(), result.getInt("total_locations"), "total_locations");
    assertEquals(
        Arrays.stream(expected).sum(),
        result.getJsonNumber("total_distance_km").doubleValue(),
        1e-3,
        "total_distance_km is the sum of distances from home");
    assertEquals(
        Arrays.stream(expected).max().orElseThrow(),
        result.getJsonNumber("max_distance_km").doubleValue(),
        1e-3,
        "max_distance_km");
    assertEquals(
        Arrays.stream(expected).min().orElseThrow(),
        result.getJsonNumber("min_distance_km").doubleValue(),
        1e-3,
        "min_distance_km");
    assertTrue(result.getJsonNumber("processing_time_ms").longValue() >= 0, "processing time");
    assertEquals("2026-01-25", result.getString("date"));
    assertEquals("iphone_stuart", result.getString("device_id"));
    String url = result.getString("csv_download_url");
    assertEquals("/api/distance/download/distance_20260125_iphone_stuart.csv", url);

    ApiClient.Answer csv = api.get(url);
    assertEquals(200, csv.status(), () -> "download: " + csv);
    assertTrue(csv.header("Content-Type").startsWith("text/csv"), "CSV content type");
    assertTrue(csv.header("Content-Type").toLowerCase().contains("charset=utf-8"), "charset");
    assertEquals(
        "attachment; filename=\"distance_20260125_iphone_stuart.csv\"",
        csv.header("Content-Disposition"));
    assertEquals(
        csv.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        Long.parseLong(csv.header("Content-Length")),
        "Content-Length is the file's size");
    assertCsvMatches(csv.body(), points, expected);
  }

  private static void assertCsvMatches(
      String csv, List<SampleStore.Point> points, double[] expectedKm) {
    String[] lines = csv.split("\n");
    assertEquals(
        "timestamp,device_id,latitude,longitude,distance_from_home_km,accuracy,battery,"
            + "velocity",
        lines[0]);
    for (int i = 0; i < points.size(); i++) {
      String[] cells = lines[i + 1].split(",", -1);
      SampleStore.Point point = points.get(i);
      assertEquals(point.timestamp(), cells[0], "row " + (i + 1) + " timestamp");
      assertEquals("iphone_stuart", cells[1]);
      assertEquals(point.lat(), Double.parseDouble(cells[2]), 5e-7, "row latitude");
      assertEquals(
          cells[4],
          String.format(java.util.Locale.ROOT, "%.2f", expectedKm[i]),
          "row " + (i + 1) + " distance, 2 decimals");
    }
    assertEquals("", lines[points.size() + 1], "empty line before the summary");
    assertEquals("Summary", lines[points.size() + 2]);
    Map<String, String> summary =
        Arrays.stream(lines)
            .skip(points.size() + 3L)
            .map(line -> line.split(",", 2))
            .collect(
                Collectors.toMap(
                    cells -> cells[0],
                    cells -> cells[1],
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    double total = Arrays.stream(expectedKm).sum();
    assertEquals(
        List.of(
            "Total Distance (km)",
            "Max Distance (km)",
            "Min Distance (km)",
            "Total Locations",
            "Average Distance (km)"),
        List.copyOf(summary.keySet()));
    assertEquals(total, Double.parseDouble(summary.get("Total Distance (km)")), 0.006);
    assertEquals(String.valueOf(points.size()), summary.get("Total Locations"));
    assertEquals(
        total / points.size(), Double.parseDouble(summary.get("Average Distance (km)")), 0.006);
  }

  @Test
  void jobForEveryDeviceCoversAllDevicesOfTheDay() {
    String jobId = JobPolling.submit(api, "{\"date\":\"2026-01-24\"}");

    JsonObject job = JobPolling.awaitFinished(api, jobId);

    assertEquals("completed", job.getString("status"), () -> "job: " + job);
    assertTrue(job.isNull("device_id"), "device_id is null for every device: " + job);
    int expected =
        SampleStore.locations("stuart", "iphone_stuart", "2026-01-24").size()
            + SampleStore.locations("stuart", "ipad_stuart", "2026-01-24").size()
            + SampleStore.locations("alex", "pixel_alex", "2026-01-24").size();
    assertEquals(expected, job.getJsonObject("result").getInt("total_locations"));
    assertEquals(
        "/api/distance/download/distance_20260124.csv",
        job.getJsonObject("result").getString("csv_download_url"));
  }

  @Test
  void dayWithoutLocationsEndsFailedWithTheWorkersMessage() {
    String jobId =
        JobPolling.submit(api, "{\"date\":\"2026-01-10\",\"device_id\":\"iphone_stuart\"}");

    JsonObject job = JobPolling.awaitFinished(api, jobId);

    assertEquals("failed", job.getString("status"), () -> "job: " + job);
    assertTrue(
        job.getString("error_message").startsWith("no locations found for date 2026-01-10"),
        () -> "error_message: " + job);
    assertFalse(job.containsKey("result"), "no result on failure");
    assertEquals("2026-01-10", job.getString("date"));
    assertNotNull(job.getString("completed_at", null));
  }

  @Test
  void finishedJobHasNoRetryAfter() {
    String jobId = JobPolling.submit(api, "{\"date\":\"2026-01-26\",\"device_id\":\"pixel_alex\"}");
    JobPolling.awaitFinished(api, jobId);

    ApiClient.Answer finished = api.get("/api/distance/jobs/" + jobId);

    assertEquals(200, finished.status());
    assertEquals(null, finished.header("Retry-After"), "no Retry-After once finished");
  }
}
