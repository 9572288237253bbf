package io.oteldemo.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.oteldemo.it.TestTokens;
import io.oteldemo.it.browser.PageReport.Attempt;
import io.oteldemo.it.browser.PageReport.Call;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * otel-ui works against this API unchanged, as a browser sees it. Headless Chromium opens a page on
 * another origin ({@link OtherOriginPage}) whose script calls the API the way otel-ui does — a
 * bearer token and a JSON content type on every request, so every call is preflighted; the
 * Dashboard's {@code /health} and {@code /info} together; then every card of the OTel Testing page
 * at once, with otel-ui's retries — and reads {@code x-trace-id} from script. Each test below
 * checks one thing otel-ui needs from that one run: no request blocked or failed by the browser
 * (CORS included), and each answer in the shape otel-ui's types ({@code @stuartshay/otel-types})
 * describe, with our error model where it fails.
 */
public class BrowserCorsIT {

  private static final URI API =
      URI.create(System.getProperty("it.base.url", "http://localhost:9080"));
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

  /** Chromium's console line for an answer with an error status: expected for /error's 500s. */
  private static final Pattern EXPECTED_500_LINE =
      Pattern.compile("Failed to load resource: the server responded with a status of 500\\b.*");

  private static Optional<String> skipped;
  private static PageReport report;

  @BeforeAll
  static void callTheApiFromChromium() {
    skipped = HeadlessChromium.whyNotHere();
    if (skipped.isPresent()) {
      System.err.println(skipped.get());
      return;
    }
    try (OtherOriginPage page = OtherOriginPage.start()) {
      report =
          new PageReport(
              new HeadlessChromium()
                  .run(page.uri(), API, TestTokens.accessToken(TestTokens.newUser())));
    }
  }

  @BeforeEach
  void onlyWhereTheBrowserRan() {
    assumeTrue(skipped.isEmpty(), skipped::get);
  }

  @Test
  void theBrowserFailsNoRequest() {
    List<JsonObject> failed = report.loadingFailed();
    assertTrue(
        failed.isEmpty(),
        () ->
            "Chromium failed "
                + failed.size()
                + " request(s) from "
                + report.page()
                + " (cors_error is CDP's CORS verdict): "
                + failed);
  }

  @Test
  void theConsoleReportsNoCorsErrorAndNoOtherError() {
    List<JsonObject> cors =
        report.console().stream()
            .filter(message -> mentionsCors(message.getString("text")))
            .toList();
    assertTrue(cors.isEmpty(), () -> "CORS messages in the browser's console: " + cors);
    List<JsonObject> errors =
        report.console().stream()
            .filter(message -> "error".equals(message.getString("type")))
            .filter(message -> !EXPECTED_500_LINE.matcher(message.getString("text")).matches())
            .toList();
    assertTrue(errors.isEmpty(), () -> "Errors in the browser's console: " + errors);
    assertTrue(
        report.pageErrors().isEmpty(), () -> "Uncaught errors in the page: " + report.pageErrors());
  }

  @Test
  void dashboardSeesTheApiHealthyAndItsVersion() {
    List<Call> dashboard = report.dashboard();
    JsonObject health = body(answered(dashboard.get(0), 200));
    JsonObject info = body(answered(dashboard.get(1), 200));
    assertEquals(
        "healthy",
        text(health, "status", "/health"),
        "the Dashboard paints API Status green only for \"healthy\"");
    text(info, "version", "/info");
  }

  @Test
  void healthCard() {
    JsonObject health = body(answered(report.otelTesting("/health"), 200));
    assertEquals("healthy", text(health, "status", "/health"), () -> "/health: " + health);
  }

  @Test
  void readyCard() {
    JsonObject ready = body(answered(report.otelTesting("/ready"), 200));
    assertEquals("ready", text(ready, "status", "/ready"), () -> "/ready: " + ready);
  }

  @Test
  void infoCard() {
    JsonObject info = body(answered(report.otelTesting("/info"), 200));
    for (String field :
        List.of(
            "service",
            "version",
            "build_number",
            "build_date",
            "environment",
            "message",
            "trace_id")) {
      text(info, field, "/info");
    }
  }

  @Test
  void chainCard() {
    JsonObject chain = body(answered(report.otelTesting("/chain"), 200));
    text(chain, "status", "/chain");
    text(chain, "trace_id", "/chain");
    JsonArray steps = array(chain, "steps", "/chain");
    assertFalse(steps.isEmpty(), () -> "/chain: the steps are named: " + chain);
    for (JsonValue step : steps) {
      assertTrue(
          step instanceof JsonString name && !name.getString().isBlank(),
          () -> "/chain: every step is a name: " + chain);
    }
  }

  @Test
  void slowCard() {
    JsonObject slow = body(answered(report.otelTesting("/slow"), 200));
    text(slow, "status", "/slow");
    text(slow, "trace_id", "/slow");
    double delay = number(slow, "delay_seconds", "/slow").doubleValue();
    assertTrue(
        delay >= 0.5 && delay <= 2.0,
        () -> "/slow: delay_seconds in [0.5, 2.0] as otel-ui expects: " + slow);
  }

  @Test
  void errorCardIsOurErrorBodyOnEveryRetry() {
    Call error = report.otelTesting("/error");
    for (Attempt attempt : error.attempts()) {
      JsonObject body = body(answered(error.path(), attempt, 500));
      JsonObject details = object(body, "error", "/error");
      assertEquals(
          "INTERNAL_ERROR", text(details, "code", "/error"), () -> "/error's error code: " + body);
      text(details, "message", "/error");
      text(body, "trace_id", "/error");
    }
  }

  @Test
  void databaseStatusCard() {
    JsonObject status = body(answered(report.otelTesting("/db/status"), 200));
    assertEquals(
        "connected",
        text(status, "status", "/db/status"),
        () -> "/db/status: \"connected\" when the store answers: " + status);
    text(status, "database", "/db/status");
    text(status, "server_version", "/db/status");
    text(status, "trace_id", "/db/status");
  }

  @Test
  void databaseLocationsCard() {
    JsonObject page = body(answered(report.otelTesting("/db/locations"), 200));
    String where = "/db/locations";
    JsonArray locations = array(page, "locations", where);
    assertFalse(locations.isEmpty(), () -> where + ": the sample data has locations: " + page);
    assertEquals(
        locations.size(),
        number(page, "count", where).intValueExact(),
        () -> where + ": count is the number of locations answered: " + page);
    number(page, "limit", where).intValueExact();
    number(page, "offset", where).intValueExact();
    text(page, "sort", where);
    text(page, "order", where);
    text(page, "trace_id", where);
    for (JsonObject location : locations.getValuesAs(JsonObject.class)) {
      assertLocation(location);
    }
  }

  private static void assertLocation(JsonObject location) {
    String where = "/db/locations, location " + location;
    long id = number(location, "id", where).longValueExact();
    assertTrue(
        Math.abs(id) <= (1L << 53), () -> where + ": id is exact in a browser's number: " + id);
    text(location, "device_id", where);
    text(location, "tid", where);
    for (String field :
        List.of("latitude", "longitude", "accuracy", "altitude", "velocity", "battery")) {
      number(location, field, where);
    }
    String createdAt = text(location, "created_at", where);
    try {
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(createdAt);
    } catch (DateTimeParseException e) {
      fail(where + ": created_at is an ISO-8601 date-time with offset: " + createdAt, e);
    }
  }

  /** The call's first answer, as otel-ui reads it: no retry needed for a status otel-ui accepts. */
  private static Attempt answered(Call call, int status) {
    return answered(call.path(), call.first(), status);
  }

  /**
   * An answer the page's script could read, with the expected status and a readable {@code
   * x-trace-id} that equals the body's {@code trace_id} where it has one.
   */
  private static Attempt answered(String path, Attempt attempt, int status) {
    if (attempt.status() == 0) {
      fail(
          "GET "
              + path
              + " from "
              + report.page()
              + ": the browser gave the page's script no answer ("
              + attempt
              + "); the browser's reason: "
              + report.failuresOf(path));
    }
    assertEquals(status, attempt.status(), () -> "GET " + path + ": status of " + attempt);
    String header = attempt.traceIdHeader();
    assertNotNull(
        header, () -> "GET " + path + ": x-trace-id is readable from script (exposed): " + attempt);
    assertTrue(
        TRACE_ID.matcher(header).matches(),
        () -> "GET " + path + ": x-trace-id is 32 lowercase hex digits: " + header);
    if (attempt.body() instanceof JsonObject body && body.containsKey("trace_id")) {
      assertEquals(
          header,
          text(body, "trace_id", path),
          () -> "GET " + path + ": the body's trace_id is the x-trace-id header: " + attempt);
    }
    return attempt;
  }

  private static JsonObject body(Attempt attempt) {
    if (attempt.body() instanceof JsonObject body) {
      return body;
    }
    throw new AssertionError("Expected a JSON object as the body: " + attempt);
  }

  private static String text(JsonObject object, String field, String where) {
    if (object.get(field) instanceof JsonString value && !value.getString().isBlank()) {
      return value.getString();
    }
    throw new AssertionError(where + ": \"" + field + "\" is a non-empty string in " + object);
  }

  private static JsonNumber number(JsonObject object, String field, String where) {
    if (object.get(field) instanceof JsonNumber value) {
      return value;
    }
    throw new AssertionError(where + ": \"" + field + "\" is a number in " + object);
  }

  private static JsonArray array(JsonObject object, String field, String where) {
    if (object.get(field) instanceof JsonArray value) {
      return value;
    }
    throw new AssertionError(where + ": \"" + field + "\" is an array in " + object);
  }

  private static JsonObject object(JsonObject object, String field, String where) {
    if (object.get(field) instanceof JsonObject value) {
      return value;
    }
    throw new AssertionError(where + ": \"" + field + "\" is an object in " + object);
  }

  private static boolean mentionsCors(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("cors") || lower.contains("access-control");
  }
}
