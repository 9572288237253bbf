package io.oteldemo.it.production;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.it.ApiClient;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may calculate and read which device, over HTTP with signed tokens of different {@code
 * cognito:groups}, on a server whose {@code DEVICE_ACCESS} grants the group {@code family} every
 * device and {@code guests} one phone.
 */
@ExtendWith(ProductionLikeDeployment.class)
class DeviceAccessIT {

  static final String POLICY = "family=*;guests=iphone_stuart";
  private static final String CALCULATE = "/api/distance/calculate";
  private static final String PHONE = "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}";
  private static final String OTHER_PHONE =
      "{\"date\":\"2026-01-25\",\"device_id\":\"pixel_anna\"}";
  private static final String EVERY_DEVICE = "{\"date\":\"2026-01-25\"}";

  private static SettingsServer server;

  @BeforeAll
  static void start() {
    server = SettingsServer.ready("otel-demo-device-access", Map.of("DEVICE_ACCESS", POLICY));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aDeviceOfTheUsersGroupIsQueued() {
    ApiClient.Answer guest = server.userIn(List.of("guests")).postJson(CALCULATE, PHONE);
    assertEquals(202, guest.status(), () -> "guests may calculate iphone_stuart: " + guest);

    ApiClient family = server.userIn(List.of("family"));
    ApiClient.Answer one = family.postJson(CALCULATE, OTHER_PHONE);
    assertEquals(202, one.status(), () -> "* grants any device: " + one);
    ApiClient.Answer all = family.postJson(CALCULATE, EVERY_DEVICE);
    assertEquals(202, all.status(), () -> "* grants every device at once: " + all);
  }

  @Test
  void aDeviceNoneOfTheUsersGroupsGrantsIs403NamingItAndCreatesNoJob() {
    ApiClient guest = server.userIn(List.of("guests"));

    assertRefused(guest.postJson(CALCULATE, OTHER_PHONE), "pixel_anna");

    ApiClient.Answer jobs = guest.get("/api/distance/jobs");
    assertEquals(0, jobs.json().getInt("total_count"), () -> "no job was created: " + jobs);
  }

  @Test
  void everyDeviceAtOnceWithoutTheStarIs403() {
    ApiClient guest = server.userIn(List.of("guests"));

    assertRefused(guest.postJson(CALCULATE, EVERY_DEVICE), "*");
  }

  @Test
  void aUserInNoGrantedGroupIs403ForEveryDevice() {
    for (List<String> groups : List.of(List.<String>of(), List.of("strangers"))) {
      ApiClient user = server.userIn(groups);
      for (String body : List.of(PHONE, OTHER_PHONE, EVERY_DEVICE)) {
        assertError(user.postJson(CALCULATE, body), 403, "FORBIDDEN");
      }
    }
  }

  @Test
  void severalGroupsGrantWhatAnyOfThemGrants() {
    ApiClient user = server.userIn(List.of("strangers", "guests"));
    ApiClient.Answer answer = user.postJson(CALCULATE, PHONE);
    assertEquals(202, answer.status(), () -> "guests grants the phone: " + answer);
  }

  @Test
  void theBodyIsValidatedBeforeTheDeviceIsChecked() {
    ApiClient.Answer answer =
        server
            .userIn(List.of("guests"))
            .postJson(CALCULATE, "{\"date\":\"25-01-2026\",\"device_id\":\"pixel_anna\"}");
    JsonObject error = assertError(answer, 400, "VALIDATION_ERROR");
    assertEquals("date", error.getJsonObject("details").getString("field"));
  }

  @Test
  void aRefusedRequestDoesNotUseUpItsIdempotencyKey() {
    ApiClient guest = server.userIn(List.of("guests"));
    String key = UUID.randomUUID().toString();

    assertError(withKey(guest, key, OTHER_PHONE), 403, "FORBIDDEN");
    ApiClient.Answer allowed = withKey(guest, key, PHONE);

    assertEquals(
        202, allowed.status(), () -> "the key is free for another request, not 422: " + allowed);
    assertNotEquals("true", allowed.header("Idempotent-Replayed"), "a first answer");
  }

  @Test
  void theOpenApiDocumentShowsTheRefusalOnCalculate() {
    ApiClient api = server.anonymous();
    JsonObject calculate =
        api.send(api.request("/openapi").header("Accept", "application/json").GET().build())
            .json()
            .getJsonObject("paths")
            .getJsonObject(CALCULATE)
            .getJsonObject("post");
    JsonObject forbidden = calculate.getJsonObject("responses").getJsonObject("403");
    assertNotNull(forbidden, () -> "403 documented on calculate: " + calculate);
    assertTrue(
        forbidden.getString("description").contains("DEVICE_ACCESS"),
        () -> "the policy named: " + forbidden);
    String example =
        forbidden
            .getJsonObject("content")
            .getJsonObject("application/json")
            .get("example")
            .toString();
    assertTrue(
        example.contains("FORBIDDEN") && example.contains("device_id"),
        () -> "an example body with details.device_id: " + forbidden);
  }

  @Test
  void theStartLogsThePolicyAndNoWarning() {
    List<String> messages = server.messages();
    assertTrue(
        messages.stream()
            .anyMatch(
                line -> line.contains("Device access by group: family: *; guests: iphone_stuart")),
        "the policy in messages.log");
    assertTrue(
        messages.stream().noneMatch(line -> line.contains("DEVICE_ACCESS is not set")),
        "no warning when it is set");
  }

  @Test
  void withoutThePolicyTheStartWarnsOnceAndEveryoneMayCalculateEverything(
      ProductionServer unrestricted) {
    List<String> warnings =
        unrestricted.messages().stream()
            .filter(line -> line.contains("DEVICE_ACCESS is not set"))
            .toList();
    assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
    assertTrue(warnings.get(0).contains(" W "), () -> "a WARNING: " + warnings);
    ApiClient user = unrestricted.newUser();
    // This server keeps jobs in Redis, whose short timeout may answer a busy moment with a 503:
    // asked again, the answer that counts is 202, never a 403.
    ApiClient.Answer answer =
        ProductionServer.poll(
            () -> user.postJson(CALCULATE, EVERY_DEVICE), 202, Duration.ofSeconds(15));
    assertEquals(202, answer.status(), () -> "every device, with no group granted: " + answer);
  }

  @Test
  void aMalformedPolicyStopsTheStartNamingTheEntry() {
    try (SettingsServer broken =
        SettingsServer.launched(
            "otel-demo-device-access-malformed", Map.of("DEVICE_ACCESS", "family=*;guests"))) {
      String problem = broken.awaitMessage("DEVICE_ACCESS is malformed");
      assertTrue(problem.contains("entry 2 'guests' has no '='"), problem);
      ApiClient.Answer answer = broken.userIn(List.of("family")).postJson(CALCULATE, PHONE);
      assertNotEquals(202, answer.status(), () -> "the application did not start: " + answer);
      assertNotEquals(200, broken.management().get("/health/ready").status(), "not ready");
    }
  }

  @Test
  void aGrantedDeviceIsReadAndAnUngrantedOneIs403() {
    ApiClient guest = server.userIn(List.of("guests"));

    ApiClient.Answer granted = guest.get("/db/locations?device_id=iphone_stuart&limit=5");
    assertEquals(200, granted.status(), () -> "guests may read iphone_stuart: " + granted);
    assertEquals(5, granted.json().getInt("count"), () -> "a page of it: " + granted);

    assertRefused(guest.get("/db/locations?device_id=pixel_alex"), "pixel_alex");
    assertTrue(
        guest.get("/db/locations?device_id=pixel_alex").body().indexOf("latitude") < 0,
        "nothing of the refused device");
  }

  @Test
  void aListingWithoutADeviceHoldsOnlyTheGrantedDevices() {
    ApiClient.Answer guest = server.userIn(List.of("guests")).get("/db/locations?limit=100");
    assertEquals(200, guest.status(), () -> "a listing: " + guest);
    List<String> devices =
        guest.json().getJsonArray("locations").getValuesAs(JsonObject.class).stream()
            .map(location -> location.getString("device_id"))
            .distinct()
            .toList();
    assertEquals(List.of("iphone_stuart"), devices, () -> "only the granted phone: " + guest);

    ApiClient.Answer family = server.userIn(List.of("family")).get("/db/locations?limit=100");
    assertTrue(
        family.json().getInt("total") > guest.json().getInt("total"),
        () -> "* reads every device: " + family.json().getInt("total"));

    ApiClient.Answer stranger = server.userIn(List.of("strangers")).get("/db/locations");
    assertEquals(200, stranger.status(), () -> "no device granted: " + stranger);
    assertEquals(0, stranger.json().getInt("total"), () -> "an empty listing: " + stranger);
  }

  /** 403 FORBIDDEN naming the device, with an RFC 6750 insufficient_scope challenge. */
  private static void assertRefused(ApiClient.Answer refused, String deviceId) {
    JsonObject error = assertError(refused, 403, "FORBIDDEN");
    assertEquals(
        deviceId,
        error.getJsonObject("details").getString("device_id"),
        () -> "details.device_id of " + refused);
    String challenge = refused.header("WWW-Authenticate");
    assertTrue(
        challenge != null && challenge.contains("insufficient_scope"),
        () -> "an RFC 6750 insufficient_scope challenge: " + refused);
  }

  private static ApiClient.Answer withKey(ApiClient client, String key, String body) {
    return client.send(
        client
            .request(CALCULATE)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
