package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a calculation request can be wrong, and the 400/413 it earns. */
public class CalculateValidationIT {

  private static final String CALCULATE = "/api/distance/calculate";
  private final ApiClient api = new ApiClient();

  @Test
  void bodyThatIsNotJsonIsRejected() {
    assertValidationError(api.postJson(CALCULATE, "date=2026-01-25"), "body", "JSON");
  }

  @Test
  void wrongContentTypeIsRejected() {
    assertValidationError(
        api.post(CALCULATE, "text/plain", "{\"date\":\"2026-01-25\"}"), "Content-Type", "JSON");
  }

  @Test
  void missingContentTypeIsRejected() {
    assertValidationError(
        api.post(CALCULATE, null, "{\"date\":\"2026-01-25\"}"), "Content-Type", "JSON");
  }

  @Test
  void emptyBodyIsRejected() {
    assertValidationError(api.postJson(CALCULATE, ""), "body", "JSON");
  }

  @Test
  void jsonThatIsNotAnObjectIsRejected() {
    assertValidationError(api.postJson(CALCULATE, "[\"2026-01-25\"]"), "body", "JSON object");
  }

  @Test
  void missingDateIsRejected() {
    assertValidationError(
        api.postJson(CALCULATE, "{\"device_id\":\"iphone_stuart\"}"), "date", "required");
  }

  @ParameterizedTest
  @CsvSource({"2026-1-25", "25-01-2026", "2026/01/25", "20260125", "yesterday"})
  void dateInAnotherFormatIsRejected(String date) {
    assertValidationError(
        api.postJson(CALCULATE, "{\"date\":\"" + date + "\"}"), "date", "YYYY-MM-DD");
  }

  @ParameterizedTest
  @CsvSource({"2026-02-30", "2026-13-01", "2025-02-29"})
  void dateThatDoesNotExistIsRejected(String date) {
    assertValidationError(
        api.postJson(CALCULATE, "{\"date\":\"" + date + "\"}"), "date", "YYYY-MM-DD");
  }

  @Test
  void futureDateIsRejected() {
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
    assertValidationError(
        api.postJson(CALCULATE, "{\"date\":\"" + tomorrow + "\"}"), "date", "future");
  }

  @ParameterizedTest
  @CsvSource({
    "iphone-stuart",
    "'iphone stuart'",
    "'../etc'",
    "''",
    "a12345678901234567890123456789012345678901234567890123456789012345"
  })
  void malformedDeviceIdIsRejected(String deviceId) {
    assertValidationError(
        api.postJson(CALCULATE, "{\"date\":\"2026-01-25\",\"device_id\":\"" + deviceId + "\"}"),
        "device_id",
        "device_id");
  }

  @Test
  void dateOfTheWrongJsonTypeIsRejected() {
    assertValidationError(api.postJson(CALCULATE, "{\"date\":20260125}"), "date", "string");
  }

  @Test
  void deviceIdOfTheWrongJsonTypeIsRejected() {
    assertValidationError(
        api.postJson(CALCULATE, "{\"date\":\"2026-01-25\",\"device_id\":42}"),
        "device_id",
        "string");
  }

  @Test
  void unknownFieldsAreIgnored() {
    ApiClient.Answer answer =
        api.postJson(
            CALCULATE,
            "{\"date\":\"2026-01-25\",\"device_id\":\"ipad_stuart\",\"colour\":\"blue\"}");
    assertEquals(202, answer.status(), () -> "unknown fields ignored: " + answer);
  }

  @Test
  void bodyOver4KibIsRejectedWith413() {
    String padding = "x".repeat(4200);
    ApiClient.Answer answer =
        api.postJson(CALCULATE, "{\"date\":\"2026-01-25\",\"note\":\"" + padding + "\"}");
    assertError(answer, 413, "PAYLOAD_TOO_LARGE");
  }
}
