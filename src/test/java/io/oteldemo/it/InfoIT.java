package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.oteldemo.status.BuildInfo;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /info}, as otel-ui's Dashboard reads it: public, with or without a token, every member
 * a string, the build stamp the one this build wrote into the WAR, and the local run's environment.
 */
public class InfoIT {

  private static final String INFO = "/info";

  @Test
  void anyoneReadsTheServiceItsBuildAndEnvironment() {
    ApiClient.Answer answer = ApiClient.anonymous().get(INFO);

    assertEquals(200, answer.status(), () -> "without a token: " + answer);
    JsonObject body = answer.json();
    BuildInfo build = BuildInfo.read();
    assertEquals(
        Map.of(
            "service", "otel-demo",
            "version", build.version(),
            "build_number", build.buildNumber(),
            "build_date", build.buildDate(),
            "environment", "development"),
        Map.of(
            "service", body.getString("service"),
            "version", body.getString("version"),
            "build_number", body.getString("build_number"),
            "build_date", body.getString("build_date"),
            "environment", body.getString("environment")),
        () -> "the build's stamp and the local run's settings: " + answer);
    assertEquals(
        Map.of(
            "service", JsonValue.ValueType.STRING,
            "version", JsonValue.ValueType.STRING,
            "build_number", JsonValue.ValueType.STRING,
            "build_date", JsonValue.ValueType.STRING,
            "environment", JsonValue.ValueType.STRING,
            "message", JsonValue.ValueType.STRING,
            "trace_id", JsonValue.ValueType.STRING),
        body.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getValueType())),
        () -> "exactly these members, each a string: " + answer);
    assertTraceId(answer, body);
    assertNull(answer.header("RateLimit-Policy"), () -> "a public answer is not limited");
  }

  @Test
  void theOpenApiDocumentDescribesTheAnswer() {
    OpenApiDocument.assertProperties(
        OpenApiDocument.read().getAnswer(INFO, "200"),
        Set.of(
            "service",
            "version",
            "build_number",
            "build_date",
            "environment",
            "message",
            "trace_id"),
        "GET /info");
  }

  @Test
  void aSignedInUsersTokenIsNoObstacle() {
    ApiClient.Answer answer = new ApiClient().get(INFO);

    assertEquals(200, answer.status(), () -> "with a token, as the Dashboard sends it: " + answer);
    assertTraceId(answer, answer.json());
  }
}
