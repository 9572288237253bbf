package io.oteldemo.it.browser;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * What {@code drive-page.cjs} reported from one run of the page: each call as the page's script saw
 * it, and what the browser itself said (failed requests with CDP's CORS error, console messages,
 * uncaught page errors).
 */
record PageReport(JsonObject json) {

  /** The Dashboard's two calls, made together: {@code /health} and {@code /info}. */
  List<Call> dashboard() {
    return calls("dashboard");
  }

  /** The OTel Testing page's call of {@code path}. */
  Call otelTesting(String path) {
    return calls("otel_testing").stream()
        .filter(call -> call.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("The page made no call of " + path));
  }

  /** Requests the browser failed: each with its URL, CDP's error text and CORS error. */
  List<JsonObject> loadingFailed() {
    return objects("loading_failed");
  }

  /** The console's errors and warnings ({@code type}, {@code text}). */
  List<JsonObject> console() {
    return objects("console");
  }

  List<String> pageErrors() {
    return json.getJsonArray("page_errors").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /** The page's origin, for messages. */
  String page() {
    return json.getString("page");
  }

  /** The browser's failures of requests to this path, for a message about a blocked call. */
  List<JsonObject> failuresOf(String path) {
    return loadingFailed().stream()
        .filter(failure -> failure.get("url") instanceof JsonString url)
        .filter(failure -> failure.getString("url").contains(path))
        .toList();
  }

  private List<Call> calls(String name) {
    return json.getJsonArray(name).getValuesAs(JsonObject.class).stream()
        .map(
            call ->
                new Call(
                    call.getString("path"),
                    call.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                        .map(Attempt::new)
                        .toList()))
        .toList();
  }

  private List<JsonObject> objects(String name) {
    return json.getJsonArray(name).getValuesAs(JsonObject.class);
  }

  /** One call of otel-ui's client: the first attempt and its retries of transient statuses. */
  record Call(String path, List<Attempt> attempts) {

    Attempt first() {
      return attempts.get(0);
    }
  }

  /** One request as the page's script saw it; status 0 when the browser gave it no answer. */
  record Attempt(JsonObject json) {

    int status() {
      return json.getInt("status");
    }

    /** The x-trace-id header as script reads it: null when not exposed or not sent. */
    String traceIdHeader() {
      return json.get("trace_id_header") instanceof JsonString header ? header.getString() : null;
    }

    /** The parsed JSON body, or {@link JsonValue#NULL} when the body was not JSON. */
    JsonValue body() {
      return json.getOrDefault("body", JsonValue.NULL);
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }
}
