package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertTraceId;
import static io.oteldemo.it.ApiAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /db/status} and {@code /db/locations} over the sample OwnTracks store the server reads,
 * checked against an independent reading of the same files. This server has no DEVICE_ACCESS, so
 * every user reads every device; the policy's cases are in {@code production.DeviceAccessIT}.
 */
public class LocationsIT {

  private static final Set<String> LOCATION_MEMBERS =
      Set.of(
          "id",
          "device_id",
          "tid",
          "latitude",
          "longitude",
          "accuracy",
          "altitude",
          "velocity",
          "battery",
          "created_at");

  /** One location line of the sample files, read here without the application's parser. */
  private record SampleLocation(String device, Instant time, int battery) {}

  private static List<SampleLocation> sample() {
    Path rec = Path.of(System.getProperty("it.location.data.path", "sample-data/owntracks"), "rec");
    List<SampleLocation> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(rec)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".rec")).toList()) {
        String device = file.getParent().getFileName().toString();
        for (String line : Files.readAllLines(file)) {
          String[] fields = line.split("\t", 3);
          if (fields.length == 3 && fields[1].trim().equals("*")) {
            try (JsonReader reader = Json.createReader(new StringReader(fields[2]))) {
              JsonObject json = reader.readObject();
              found.add(new SampleLocation(device, Instant.parse(fields[0]), json.getInt("batt")));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static List<JsonObject> locations(ApiClient.Answer answer) {
    return answer.json().getJsonArray("locations").getValuesAs(JsonObject.class);
  }

  @Test
  void theStatusSaysConnectedAndWhatTheStoreIsButNotWhereItIs() {
    ApiClient.Answer answer = new ApiClient().get("/db/status");

    assertEquals(200, answer.status(), () -> "status: " + answer);
    JsonObject body = answer.json();
    assertEquals("connected", body.getString("status"), "otel-types' status");
    assertEquals("owntracks", body.getString("database"));
    assertEquals("OwnTracks Recorder .rec files", body.getString("server_version"));
    assertFalse(body.containsKey("host"), () -> "no host unless opted in: " + body);
    assertFalse(body.containsKey("port"), () -> "no port unless opted in: " + body);
    String location = System.getProperty("it.location.data.path", "sample-data/owntracks");
    assertFalse(
        answer.body().contains("owntracks/") || answer.body().contains(location),
        () -> "no path of the store: " + answer.body());
    assertTraceId(answer, body);
    assertNotNull(answer.header("RateLimit"), () -> "rate limited: " + answer.response().headers());
  }

  @Test
  void withoutParametersTheTwentyNewestLocationsInTheOtelTypesShape() {
    ApiClient.Answer answer = new ApiClient().get("/db/locations");

    assertEquals(200, answer.status(), () -> "status: " + answer);
    JsonObject body = answer.json();
    assertEquals(20, body.getInt("count"), "count is the size of the page");
    assertEquals(sample().size(), body.getInt("total"), "total is every location of the store");
    assertEquals(20, body.getInt("limit"));
    assertEquals(0, body.getInt("offset"));
    assertEquals("created_at", body.getString("sort"));
    assertEquals("desc", body.getString("order"));
    assertTraceId(answer, body);
    List<JsonObject> page = locations(answer);
    Instant newest =
        sample().stream().map(SampleLocation::time).max(Comparator.naturalOrder()).get();
    assertEquals(newest.toString(), page.get(0).getString("created_at"), "the newest first");
    for (JsonObject location : page) {
      assertEquals(LOCATION_MEMBERS, location.keySet(), () -> "members of " + location);
      assertEquals(JsonValue.ValueType.NUMBER, location.get("id").getValueType());
      assertTrue(
          ((JsonNumber) location.get("id")).longValueExact() < (1L << 53),
          () -> "an id a browser keeps exactly: " + location);
      assertTrue(
          location.getString("created_at").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"),
          () -> "ISO-8601 UTC: " + location);
      assertEquals(JsonValue.ValueType.NUMBER, location.get("latitude").getValueType());
      assertEquals(2, location.getString("tid").length(), () -> "the tracker id: " + location);
    }
  }

  @Test
  void pagesCoverTheStoreOnceInOrderWithTheSameTotal() {
    ApiClient api = new ApiClient();
    List<String> ids = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    int total = sample().size();
    for (int offset = 0; offset < total; offset += 100) {
      ApiClient.Answer answer = api.get("/db/locations?limit=100&offset=" + offset);
      assertEquals(200, answer.status(), () -> "page: " + answer);
      assertEquals(total, answer.json().getInt("total"), "the same total on every page");
      for (JsonObject location : locations(answer)) {
        ids.add(location.getJsonNumber("id").toString());
        times.add(Instant.parse(location.getString("created_at")));
      }
    }
    assertEquals(total, ids.size(), "every location once");
    assertEquals(total, new HashSet<>(ids).size(), "no location twice");
    List<Instant> newestFirst = new ArrayList<>(times);
    newestFirst.sort(Comparator.reverseOrder());
    assertEquals(newestFirst, times, "newest first across the pages");

    ApiClient.Answer past = api.get("/db/locations?offset=" + total);
    assertEquals(0, past.json().getInt("count"), () -> "past the end: " + past);
    assertEquals(total, past.json().getInt("total"));
  }

  @Test
  void sortAndOrderFollowTheColumn() {
    ApiClient.Answer answer = new ApiClient().get("/db/locations?sort=battery&order=asc&limit=30");

    assertEquals(200, answer.status(), () -> "status: " + answer);
    assertEquals("battery", answer.json().getString("sort"));
    assertEquals("asc", answer.json().getString("order"));
    List<Integer> expected =
        sample().stream().map(SampleLocation::battery).sorted().limit(30).toList();
    assertEquals(
        expected,
        locations(answer).stream().map(location -> location.getInt("battery")).toList(),
        "the 30 lowest batteries of the store, lowest first");
  }

  @Test
  void aDeviceFilterHoldsThatDeviceOnly() {
    ApiClient.Answer answer = new ApiClient().get("/db/locations?device_id=pixel_alex&limit=100");

    assertEquals(200, answer.status(), () -> "status: " + answer);
    long expected = sample().stream().filter(l -> l.device().equals("pixel_alex")).count();
    assertEquals(expected, answer.json().getInt("total"), "pixel_alex's locations");
    assertEquals(expected, answer.json().getInt("count"));
    assertTrue(
        locations(answer).stream().allMatch(l -> l.getString("device_id").equals("pixel_alex")),
        () -> "only pixel_alex: " + answer);

    ApiClient.Answer unknown = new ApiClient().get("/db/locations?device_id=no_such_device");
    assertEquals(200, unknown.status(), () -> "a device without data: " + unknown);
    assertEquals(0, unknown.json().getInt("total"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "limit=0                 | limit     | from 1 to 100",
        "limit=101               | limit     | from 1 to 100",
        "limit=ten               | limit     | whole number",
        "limit=                  | limit     | whole number",
        "offset=-1               | offset    | from 0 to 10000",
        "offset=10001            | offset    | from 0 to 10000",
        "offset=1e3              | offset    | whole number",
        "sort=timestamp          | sort      | must be one of",
        "sort=CREATED_AT         | sort      | must be one of",
        "order=DESC              | order     | asc or desc",
        "order=random            | order     | asc or desc",
        "device_id=pixel-alex    | device_id | letters, digits or underscores",
        "device_id=              | device_id | letters, digits or underscores",
        "device_id=..%2Frec      | device_id | letters, digits or underscores",
        "limit=5&limit=6         | limit     | at most once",
        "sort=battery&sort=battery | sort    | at most once",
        "device_id=a&device_id=b | device_id | at most once"
      })
  void aBadParameterIs400NamingIt(String query, String field, String message) {
    assertValidationError(new ApiClient().get("/db/locations?" + query), field, message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/db/status", "/db/locations", "/db/locations?device_id=pixel_alex"})
  void withoutATokenIs401(String path) {
    ApiClient.Answer answer = ApiClient.anonymous().get(path);
    assertError(answer, 401, "UNAUTHORIZED");
    assertFalse(answer.body().contains("latitude"), () -> "no location leaks: " + answer);
  }

  @Test
  void theOpenApiDocumentDescribesBothPathsWithTheirErrors() {
    ApiClient api = ApiClient.anonymous();
    JsonObject paths =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build())
            .json()
            .getJsonObject("paths");
    for (String path : List.of("/db/status", "/db/locations")) {
      JsonObject get = paths.getJsonObject(path).getJsonObject("get");
      JsonObject responses = get.getJsonObject("responses");
      for (String status : List.of("200", "401", "403", "429", "503")) {
        assertTrue(responses.containsKey(status), () -> path + " documents " + status);
      }
      assertFalse(get.getJsonArray("security").isEmpty(), () -> path + " needs a token");
    }
    JsonObject locations = paths.getJsonObject("/db/locations").getJsonObject("get");
    assertTrue(locations.getJsonObject("responses").containsKey("400"), "400 documented");
    List<String> parameters =
        locations.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
            .map(parameter -> parameter.getString("name"))
            .sorted()
            .toList();
    assertEquals(List.of("device_id", "limit", "offset", "order", "sort"), parameters);
  }
}
