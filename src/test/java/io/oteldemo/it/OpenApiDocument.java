package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;

/** The server's OpenAPI document, read as a client generator reads it. */
final class OpenApiDocument {

  private final JsonObject document;

  private OpenApiDocument(JsonObject document) {
    this.document = document;
  }

  static OpenApiDocument read() {
    return new OpenApiDocument(served().json());
  }

  /** The server's answer to {@code GET /openapi} as JSON: 200, or the test fails. */
  static ApiClient.Answer served() {
    ApiClient api = ApiClient.anonymous();
    ApiClient.Answer answer =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build());
    assertEquals(200, answer.status(), () -> "the OpenAPI document: " + answer);
    return answer;
  }

  /** The JSON schema of a GET's answer with this status, its $ref resolved. */
  JsonObject getAnswer(String path, String status) {
    JsonObject operation = document.getJsonObject("paths").getJsonObject(path);
    assertNotNull(operation, () -> "OpenAPI documents " + path);
    JsonObject response = operation.getJsonObject("get").getJsonObject("responses");
    assertTrue(response.containsKey(status), () -> "GET " + path + " documents " + status);
    JsonObject schema =
        response
            .getJsonObject(status)
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema");
    String ref = schema.getString("$ref", null);
    return ref == null
        ? schema
        : document
            .getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** Asserts that a schema has exactly these properties, each required. */
  static void assertProperties(JsonObject schema, Set<String> properties, String what) {
    assertEquals(properties, schema.getJsonObject("properties").keySet(), what + "'s properties");
    List<String> required = schema.getJsonArray("required").getValuesAs(JsonString::getString);
    assertEquals(properties, Set.copyOf(required), what + "'s required properties");
  }
}
