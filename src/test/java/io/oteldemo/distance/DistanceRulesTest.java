package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.error.ValidationException;
import io.oteldemo.worker.JobStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DistanceRulesTest {

  /** Today is 2026-01-26 (UTC). */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-26T12:00:00Z"), ZoneOffset.UTC);

  private final DistanceRules rules = new DistanceRules(CLOCK);

  // --- date ------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-25", "2026-01-26", "2024-02-29", "1970-01-01", "2025-12-31"})
  void pastDatesAndTodayAreAccepted(String value) {
    assertEquals(LocalDate.parse(value), rules.date("date", value), value + " should be accepted");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void missingDateIsRequired(String value) {
    ValidationException e = assertValidation(() -> rules.date("date", value), "date", value);

    assertTrue(
        e.getMessage().contains("required"), "should say the date is required: " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-1-5",
        "25-01-2026",
        "2026/01/25",
        "20260125",
        "2026-01-25T00:00",
        " 2026-01-25",
        "2026-01-2a",
        "tomorrow",
        "+2026-01-25",
        "٢٠٢٦-٠١-٢٥"
      })
  void wrongFormatIsRejected(String value) {
    ValidationException e = assertValidation(() -> rules.date("date", value), "date", value);

    assertTrue(e.getMessage().contains("YYYY-MM-DD"), "should name the format: " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30",
        "2026-13-01",
        "2025-02-29",
        "2026-04-31",
        "2026-00-10",
        "2026-01-00"
      })
  void impossibleCalendarDatesAreRejected(String value) {
    ValidationException e = assertValidation(() -> rules.date("date", value), "date", value);

    assertTrue(
        e.getMessage().contains("real calendar date"),
        "should say it is not a real date: " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-27", "2027-01-01", "9999-12-31"})
  void futureDatesAreRejected(String value) {
    ValidationException e = assertValidation(() -> rules.date("date", value), "date", value);

    assertTrue(e.getMessage().contains("future"), "should mention the future: " + e.getMessage());
    assertTrue(
        e.getMessage().contains("2026-01-26"), "should say what today is: " + e.getMessage());
  }

  @Test
  void theFieldNameIsTheCallersOwn() {
    assertValidation(() -> rules.date("day", "x"), "day", "x");
  }

  // --- date filter -----------------------------------------------------------------------------

  @ParameterizedTest
  @NullAndEmptySource
  void missingDateFilterMeansNoFilter(String value) {
    assertEquals(Optional.empty(), rules.dateFilter("date", value));
  }

  @Test
  void dateFilterAcceptsFutureDates() {
    assertEquals(
        Optional.of(LocalDate.of(2026, 12, 31)),
        rules.dateFilter("date", "2026-12-31"),
        "a filter may name any day; it just matches nothing yet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-1-5", "2026-02-30", " "})
  void dateFilterRejectsWhatIsNotADate(String value) {
    assertValidation(() -> rules.dateFilter("date", value), "date", value);
  }

  // --- device id -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"iphone_stuart", "a", "PIXEL7", "device_2", "_"})
  void validDeviceIds(String value) {
    assertEquals(Optional.of(value), rules.deviceId("device_id", value));
  }

  @Test
  void deviceIdOf64CharactersIsAcceptedAnd65Rejected() {
    String max = "d".repeat(64);
    assertEquals(Optional.of(max), rules.deviceId("device_id", max), "64 characters are allowed");

    String tooLong = "d".repeat(65);
    ValidationException e =
        assertValidation(() -> rules.deviceId("device_id", tooLong), "device_id", tooLong);
    assertTrue(e.getMessage().contains("1-64"), "should state the length: " + e.getMessage());
  }

  @Test
  void absentDeviceIdMeansEveryDevice() {
    assertEquals(Optional.empty(), rules.deviceId("device_id", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "iphone-stuart",
        "iphone stuart",
        " iphone",
        "iphone/../x",
        "téléphone",
        "a.b"
      })
  void invalidDeviceIds(String value) {
    assertValidation(() -> rules.deviceId("device_id", value), "device_id", value);
  }

  // --- status ----------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"queued,QUEUED", "processing,PROCESSING", "completed,COMPLETED", "failed,FAILED"})
  void knownStatuses(String value, JobStatus expected) {
    assertEquals(Optional.of(expected), rules.status("status", value));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void absentStatusMeansEveryStatus(String value) {
    assertEquals(Optional.empty(), rules.status("status", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"done", "Queued", "COMPLETED", " queued", "cancelled"})
  void unknownStatusesListTheKnownOnes(String value) {
    ValidationException e = assertValidation(() -> rules.status("status", value), "status", value);

    assertTrue(
        e.getMessage().contains("queued, processing, completed, failed"),
        "should list the valid statuses: " + e.getMessage());
  }

  // --- limit and offset ------------------------------------------------------------------------

  @ParameterizedTest
  @NullAndEmptySource
  void limitDefaultsTo50(String value) {
    assertEquals(50, rules.limit("limit", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "50", "499", "500"})
  void limitFrom1To500(String value) {
    assertEquals(Integer.parseInt(value), rules.limit("limit", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "501", "-1", "abc", "1.5", " 5", "2147483648", "1e2"})
  void limitOutsideTheRangeOrNotANumberIsRejected(String value) {
    ValidationException e = assertValidation(() -> rules.limit("limit", value), "limit", value);

    assertTrue(e.getMessage().startsWith("limit "), "should name limit: " + e.getMessage());
    assertTrue(e.getMessage().contains("1 to 500"), "should state the range: " + e.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  void offsetDefaultsTo0(String value) {
    assertEquals(0, rules.offset("offset", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "500", "2147483647"})
  void offsetOfZeroOrMore(String value) {
    assertEquals(Integer.parseInt(value), rules.offset("offset", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "2147483648", "0x10"})
  void negativeOrNonNumericOffsetIsRejected(String value) {
    ValidationException e = assertValidation(() -> rules.offset("offset", value), "offset", value);

    assertTrue(e.getMessage().startsWith("offset "), "should name offset: " + e.getMessage());
    assertTrue(e.getMessage().contains(">= 0"), "should state the minimum: " + e.getMessage());
  }

  // --- job ids ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a",
        "0B7F1C3E-3A57-4C55-9A43-2F0F5C1E7D9A",
        "00000000-0000-0000-0000-000000000000"
      })
  void uuidsAreJobIds(String value) {
    assertTrue(DistanceRules.isJobId(value), value + " should be a job id");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "42",
        "0b7f1c3e3a574c559a432f0f5c1e7d9a",
        "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9",
        "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a0",
        "0b7f1c3g-3a57-4c55-9a43-2f0f5c1e7d9a",
        "{0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a}",
        "../../etc/passwd",
        " 0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9a",
        "0b7f1c3e 3a57-4c55-9a43-2f0f5c1e7d9a",
        "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9\u0663",
        "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9\uff21",
        "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d9-",
        "0b7f1c3e-3a57-4c55-9a43-2f0f5c1e7d/a"
      })
  void otherValuesAreNotJobIds(String value) {
    assertFalse(DistanceRules.isJobId(value), "'" + value + "' should not be a job id");
  }

  /** Asserts a 400 validation error whose details name the field and the rejected value. */
  @Test
  void anEmptyDeviceFilterIsRefusedAndAMissingOneMeansEveryDevice() {
    assertValidation(() -> rules.deviceIdFilter("device_id", ""), "device_id", "");
    assertEquals(
        Optional.empty(),
        rules.deviceIdFilter("device_id", null),
        "no device filter should mean every device");
    assertEquals(Optional.of("iphone_stuart"), rules.deviceIdFilter("device_id", "iphone_stuart"));
  }

  static ValidationException assertValidation(Executable executable, String field, Object value) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            executable,
            "'" + value + "' for " + field + " should be rejected");
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code(), "a validation error is a VALIDATION_ERROR");
    Map<String, Object> details = e.details();
    assertTrue(
        details != null && details.containsKey("field") && details.containsKey("value"),
        "details should have field and value, were " + details);
    assertEquals(field, details.get("field"), "details.field");
    assertEquals(value, details.get("value"), "details.value should be the rejected value");
    return e;
  }
}
