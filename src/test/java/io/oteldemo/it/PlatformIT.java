package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every client relies on besides the endpoints: errors, health and the OpenAPI document. */
public class PlatformIT {

  private final ApiClient api = new ApiClient();

  @ParameterizedTest
  @ValueSource(strings = {"/nowhere", "/api/distance", "/api/distance/unknown", "/api"})
  void unknownPathIsAJson404(String path) {
    assertError(api.get(path), 404, "NOT_FOUND");
  }

  @Test
  void wrongMethodIsAJson405WithAllow() {
    ApiClient.Answer answer = api.send("DELETE", "/api/distance/jobs");
    assertError(answer, 405, "METHOD_NOT_ALLOWED");
    assertTrue(answer.header("Allow").contains("GET"), () -> "Allow header: " + answer);
  }

  @Test
  void getOnCalculateIsA405() {
    assertError(api.get("/api/distance/calculate"), 405, "METHOD_NOT_ALLOWED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health/live", "/health/ready", "/health/started"})
  void healthEndpointsAreUp(String path) {
    ApiClient.Answer answer = ApiClient.management().get(path);
    assertEquals(200, answer.status(), () -> path + ": " + answer);
    assertEquals("UP", answer.json().getString("status"));
  }

  @Test
  void readinessReportsTheWorkerState() {
    JsonObject body = ApiClient.management().get("/health/ready").json();
    JsonObject check =
        body.getJsonArray("checks").stream()
            .map(v -> v.asJsonObject())
            .filter(c -> c.getString("name").equals("distance-worker"))
            .findFirst()
            .orElseThrow();
    assertEquals("SERVING", check.getJsonObject("data").getString("worker"));
  }

  @Test
  void openApiDocumentsEveryOperationAndTheErrorBody() {
    ApiClient.Answer answer =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build());
    assertEquals(200, answer.status());
    JsonObject doc = answer.json();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path :
        new String[] {
          "/api/distance/calculate",
          "/api/distance/jobs/{id}",
          "/api/distance/jobs",
          "/api/distance/download/{file}",
          "/info",
          "/chain",
          "/slow",
          "/error"
        }) {
      assertTrue(
          paths.containsKey(path), () -> "OpenAPI documents " + path + ": " + paths.keySet());
    }
    JsonObject calculate = paths.getJsonObject("/api/distance/calculate").getJsonObject("post");
    for (String code : new String[] {"202", "400", "413", "502", "503", "504"}) {
      assertTrue(
          calculate.getJsonObject("responses").containsKey(code),
          () -> "calculate documents " + code);
    }
    assertTrue(
        doc.getJsonObject("components").getJsonObject("schemas").containsKey("ErrorResponse"),
        "error schema documented");
  }

  @Test
  void openApiListsEveryErrorCodeAsTheErrorBodysCodes() {
    JsonObject code =
        openApi()
            .getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject("Error")
            .getJsonObject("properties")
            .getJsonObject("code");
    assertNotNull(code.getJsonArray("enum"), () -> "the error code's values listed: " + code);
    List<String> documented = code.getJsonArray("enum").getValuesAs(JsonString::getString);
    List<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
    assertEquals(codes, documented, "the error body's code list is ErrorCode's");
  }

  @Test
  void openApiShowsAnExampleOfEveryErrorAnswer() {
    JsonObject doc = openApi();
    JsonObject shared = doc.getJsonObject("components").getJsonObject("responses");
    List<String> withoutExample = new ArrayList<>();
    for (Map.Entry<String, JsonValue> path : doc.getJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
        JsonObject responses = operation.getValue().asJsonObject().getJsonObject("responses");
        for (String status : responses.keySet()) {
          JsonObject response = responses.getJsonObject(status);
          if (response.containsKey("$ref")) {
            response =
                shared.getJsonObject(
                    response.getString("$ref").replace("#/components/responses/", ""));
          }
          JsonObject json =
              response.getJsonObject("content") == null
                  ? null
                  : response.getJsonObject("content").getJsonObject("application/json");
          if (status.compareTo("400") >= 0
              && (json == null || !(json.containsKey("example") || json.containsKey("examples")))) {
            withoutExample.add(operation.getKey() + " " + path.getKey() + " " + status);
          }
        }
      }
    }
    assertTrue(
        withoutExample.isEmpty(), () -> "error answers without an example: " + withoutExample);
  }

  private JsonObject openApi() {
    ApiClient.Answer answer =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build());
    assertEquals(200, answer.status(), () -> "the OpenAPI document: " + answer);
    return answer.json();
  }

  @Test
  void openApiUiIsServed() {
    ApiClient.Answer answer = api.get("/openapi/ui/");
    assertEquals(200, answer.status());
  }
}
