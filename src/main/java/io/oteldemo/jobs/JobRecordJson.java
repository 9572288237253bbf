package io.oteldemo.jobs;

import io.oteldemo.worker.WorkerJob;
import io.oteldemo.worker.WorkerJobResult;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The JSON a job is stored as in Redis: its entry (what was asked, when) and its kept final view
 * (the worker's report, every member of it, so that it is answered exactly as the worker answered).
 */
final class JobRecordJson {

  /** Looked up once: Json.createReader and its kin look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JobRecordJson() {}

  /** The entry, without the owner (the key names the owner). */
  static String entry(RegisteredJob job) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("date", job.date().toString())
            .add("registered_at", job.registeredAt().toString())
            .add("queued_at", job.queuedAt().toString());
    job.deviceId().ifPresent(device -> json.add("device_id", device));
    return json.build().toString();
  }

  /** The entry as the previous version stored it under {@code job:<id>}, with the owner. */
  static String legacyEntry(RegisteredJob job) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("owner", job.owner())
            .add("date", job.date().toString())
            .add("registered_at", job.registeredAt().toString());
    job.deviceId().ifPresent(device -> json.add("device_id", device));
    return json.build().toString();
  }

  /** An entry of either kind; {@code owner} is used when the entry does not name one. */
  static RegisteredJob fromEntry(String jobId, String owner, String text) {
    JsonObject json = read(text);
    Instant registeredAt = StoredInstants.parse(json.getString("registered_at"));
    return new RegisteredJob(
        jobId,
        json.getString("owner", owner),
        LocalDate.parse(json.getString("date")),
        Optional.ofNullable(json.getString("device_id", null)),
        registeredAt,
        instant(json, "queued_at").orElse(registeredAt),
        Optional.empty());
  }

  static String finalView(WorkerJob job) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("status", job.status())
            .add("queued_at", job.queuedAt().toString());
    job.startedAt().ifPresent(at -> json.add("started_at", at.toString()));
    job.completedAt().ifPresent(at -> json.add("completed_at", at.toString()));
    job.errorMessage().ifPresent(message -> json.add("error_message", message));
    job.result().ifPresent(result -> json.add("result", result(result)));
    return json.build().toString();
  }

  static WorkerJob fromFinalView(String jobId, String text) {
    JsonObject json = read(text);
    return new WorkerJob(
        jobId,
        json.getString("status"),
        StoredInstants.parse(json.getString("queued_at")),
        instant(json, "started_at"),
        instant(json, "completed_at"),
        Optional.ofNullable(json.getString("error_message", null)),
        Optional.ofNullable(json.getJsonObject("result")).map(JobRecordJson::fromResult));
  }

  private static JsonObjectBuilder result(WorkerJobResult result) {
    return JSON.createObjectBuilder()
        .add("csv_path", result.csvPath())
        .add("total_distance_km", result.totalDistanceKm())
        .add("total_locations", result.totalLocations())
        .add("max_distance_km", result.maxDistanceKm())
        .add("min_distance_km", result.minDistanceKm())
        .add("date", result.date())
        .add("device_id", result.deviceId())
        .add("processing_time_ms", result.processingTimeMs());
  }

  private static WorkerJobResult fromResult(JsonObject json) {
    return new WorkerJobResult(
        json.getString("csv_path"),
        number(json, "total_distance_km").doubleValue(),
        number(json, "total_locations").intValueExact(),
        number(json, "max_distance_km").doubleValue(),
        number(json, "min_distance_km").doubleValue(),
        json.getString("date"),
        json.getString("device_id"),
        number(json, "processing_time_ms").longValueExact());
  }

  private static JsonNumber number(JsonObject json, String name) {
    return json.getJsonNumber(name);
  }

  private static Optional<Instant> instant(JsonObject json, String name) {
    return Optional.ofNullable(json.getString(name, null)).map(StoredInstants::parse);
  }

  private static JsonObject read(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
