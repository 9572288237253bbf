package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API's port serves the application only, the management port Liberty's own endpoints
 * (MicroProfile Health for the probes): otel-ui's {@code /health} and MicroProfile Health's {@code
 * /health} each on its own port, the OpenAPI document and UI on the API's port.
 */
public class TwoPortsIT {

  private final ApiClient api = ApiClient.anonymous();
  private final ApiClient management = ApiClient.management();

  @Test
  void healthOnTheApisPortIsWhatTheDashboardReads() {
    ApiClient.Answer answer = new ApiClient().get("/health");

    assertEquals(200, answer.status(), () -> "GET /health: " + answer);
    assertEquals("healthy", answer.json().getString("status"), () -> answer.toString());
    assertEquals(1, answer.json().size(), () -> "nothing but the status: " + answer);
  }

  @Test
  void readyOnTheApisPortSaysReady() {
    ApiClient.Answer answer = api.get("/ready");

    assertEquals(200, answer.status(), () -> "GET /ready: " + answer);
    assertEquals("ready", answer.json().getString("status"));
  }

  @Test
  void theProbesAnswerOnTheManagementPort() {
    ApiClient.Answer answer = management.get("/health");

    assertEquals(200, answer.status(), () -> "MicroProfile Health: " + answer);
    assertEquals("UP", answer.json().getString("status"));
    assertTrue(answer.json().containsKey("checks"), () -> answer.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health/ready", "/health/live", "/jwt/ibm/api/defaultJWT/jwk"})
  void liberty_s_ownEndpointsAreNotOnTheApisPort(String path) {
    assertError(api.get(path), 404, "NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/whoami", "/api/distance/jobs", "/ready"})
  void theApplicationIsNotOnTheManagementPort(String path) {
    assertEquals(404, management.get(path).status(), path);
  }

  @Test
  void theOpenApiDocumentOnTheApisPortIsTheGeneratedOne() {
    ApiClient.Answer answer =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build());

    assertEquals(200, answer.status(), () -> answer.toString());
    assertTrue(answer.header("Content-Type").startsWith("application/json"), answer::toString);
    JsonObject paths = answer.json().getJsonObject("paths");
    assertTrue(paths.containsKey("/api/distance/calculate"), () -> "paths: " + paths.keySet());
    assertTrue(paths.containsKey("/health"), () -> "paths: " + paths.keySet());
    assertTrue(!paths.containsKey("/openapi"), () -> "the relay is not an operation: " + paths);
  }

  @Test
  void theUiAndItsFilesAreServedOnTheApisPort() {
    ApiClient.Answer index = api.get("/openapi/ui/");
    assertEquals(200, index.status(), () -> index.toString());
    assertTrue(index.header("Content-Type").startsWith("text/html"), index::toString);

    ApiClient.Answer styles = api.get("/openapi/ui/css/default-header.css");
    assertEquals(200, styles.status(), () -> styles.toString());
    assertTrue(styles.header("Content-Type").startsWith("text/css"), styles::toString);
  }

  @Test
  void theUiWithoutItsSlashIsRedirectedWithoutNamingAHost() {
    RawHttp.Reply answer = RawHttp.exchange("GET /openapi/ui HTTP/1.1\r\nHost: evil.example", "");

    assertTrue(answer.statusLine().contains(" 301"), answer::head);
    assertEquals("/openapi/ui/", answer.header("Location"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/openapi/ui/../../api/whoami",
        "/openapi/ui/%2e%2e/x",
        "/openapi/ui/.hidden",
        "/openapi/ui/missing.js"
      })
  void onlyTheUisOwnFilesAreRelayed(String path) {
    RawHttp.Reply answer =
        RawHttp.exchange("GET " + path + " HTTP/1.1\r\nHost: localhost:" + RawHttp.port(), "");
    assertTrue(
        answer.statusLine().contains(" 404") || answer.statusLine().contains(" 400"),
        () -> path + ": " + answer.head());
    assertTrue(!answer.body().contains("\"sub\""), () -> "nothing of whoami: " + answer.body());
  }
}
