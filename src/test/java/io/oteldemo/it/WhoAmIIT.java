package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/whoami}: the caller from the token, authenticated but never rate limited. */
public class WhoAmIIT {

  private static final String WHOAMI = "/api/whoami";

  @Test
  void accessTokenCallerIsReported() {
    String sub = TestTokens.newUser();
    ApiClient.Answer answer = ApiClient.withToken(TestTokens.accessToken(sub)).get(WHOAMI);
    assertEquals(200, answer.status(), () -> "whoami with a valid token: " + answer);
    JsonObject body = answer.json();
    assertEquals(sub, body.getString("sub"), () -> "sub of " + answer);
    assertEquals("user-" + sub, body.getString("username"), () -> "username of " + answer);
    assertEquals(
        List.of(TestTokens.REQUIRED_GROUP),
        body.getJsonArray("groups").getValuesAs(JsonString::getString),
        () -> "groups of " + answer);
    assertEquals("access", body.getString("token_use"), () -> "token_use of " + answer);
    assertTraceId(answer, body);
    assertEquals("no-store", answer.header("Cache-Control"), () -> "Cache-Control of " + answer);
  }

  @Test
  void idTokenCallerIsReportedWithItsCognitoUsername() {
    String sub = TestTokens.newUser();
    JsonObject body =
        ApiClient.withToken(TestTokens.sign(TestTokens.idClaims(sub))).get(WHOAMI).json();
    assertEquals("id", body.getString("token_use"));
    assertEquals("user-" + sub, body.getString("username"));
  }

  @Test
  void withoutTokenIs401() {
    ApiClient.Answer answer = ApiClient.anonymous().get(WHOAMI);
    assertError(answer, 401, "UNAUTHORIZED");
    assertTrue(
        answer.header("WWW-Authenticate").startsWith("Bearer"), () -> "challenge of " + answer);
  }

  @Test
  void isNeverRateLimited() {
    ApiClient api = new ApiClient();
    // Above every route class's limit in the test server's settings (status: 100 per minute).
    for (int i = 0; i < 120; i++) {
      ApiClient.Answer answer = api.get(WHOAMI);
      assertEquals(200, answer.status(), () -> "request without a limit: " + answer);
      assertNull(answer.header("RateLimit-Policy"), () -> "no RateLimit-Policy on " + answer);
    }
  }

  @Test
  void openApiDocumentsIt() {
    ApiClient api = new ApiClient();
    JsonObject paths =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build())
            .json()
            .getJsonObject("paths");
    assertTrue(
        paths.containsKey(WHOAMI), () -> "OpenAPI documents " + WHOAMI + ": " + paths.keySet());
  }
}
