package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A result file is its job owner's: another signed-in user who guesses its name gets exactly the
 * answer of a file that does not exist, so the answer tells nobody what someone else calculated.
 */
public class DownloadOwnershipIT {

  private static final String DOWNLOAD = "/api/distance/download/";
  private static final String DEVICE_FILE = "distance_20260125_iphone_stuart.csv";
  private static final String ALL_DEVICES_FILE = "distance_20260125.csv";

  /** Same shape as the files above; no job ever writes it. */
  private static final String MISSING_FILE = "distance_19000102_iphone_stuart.csv";

  @Test
  void anotherUserWhoNeverCalculatedGetsTheAnswerOfAMissingFile() {
    ApiClient alice = new ApiClient();
    completed(alice, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");
    assertEquals(200, alice.get(DOWNLOAD + DEVICE_FILE).status(), "the owner downloads it");

    ApiClient bob = new ApiClient();
    ApiClient.Answer guessed = bob.get(DOWNLOAD + DEVICE_FILE);
    ApiClient.Answer missing = bob.get(DOWNLOAD + MISSING_FILE);

    assertSameAsMissing(guessed, DEVICE_FILE, missing, MISSING_FILE);
  }

  @Test
  void anotherDevicesJobOfTheSameDayGrantsNothing() {
    ApiClient alice = new ApiClient();
    completed(alice, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");
    ApiClient bob = new ApiClient();
    completed(bob, "{\"date\":\"2026-01-25\",\"device_id\":\"ipad_stuart\"}");

    assertEquals(
        200,
        bob.get(DOWNLOAD + "distance_20260125_ipad_stuart.csv").status(),
        "bob downloads his own device's file");
    ApiClient.Answer guessed = bob.get(DOWNLOAD + DEVICE_FILE);
    ApiClient.Answer missing = bob.get(DOWNLOAD + MISSING_FILE);

    assertSameAsMissing(guessed, DEVICE_FILE, missing, MISSING_FILE);
  }

  @Test
  void theAllDevicesFileIsOnlyForTheOwnerOfAnAllDevicesJob() {
    ApiClient alice = new ApiClient();
    completed(alice, "{\"date\":\"2026-01-25\"}");
    assertEquals(200, alice.get(DOWNLOAD + ALL_DEVICES_FILE).status(), "the owner downloads it");

    ApiClient bob = new ApiClient();
    completed(bob, "{\"date\":\"2026-01-25\",\"device_id\":\"iphone_stuart\"}");
    ApiClient.Answer guessed = bob.get(DOWNLOAD + ALL_DEVICES_FILE);
    ApiClient.Answer missing = bob.get(DOWNLOAD + "distance_19000102.csv");

    assertSameAsMissing(guessed, ALL_DEVICES_FILE, missing, "distance_19000102.csv");
  }

  private static void completed(ApiClient user, String body) {
    JsonObject job = JobPolling.awaitFinished(user, JobPolling.submit(user, body));
    assertEquals("completed", job.getString("status"), () -> "job: " + job);
  }

  /** Status, headers and body agree, but for the file name in the message and the trace id. */
  private static void assertSameAsMissing(
      ApiClient.Answer guessed, String guessedName, ApiClient.Answer missing, String missingName) {
    JsonObject guessedError = assertError(guessed, 404, "NOT_FOUND");
    JsonObject missingError = assertError(missing, 404, "NOT_FOUND");
    assertEquals(missingError.keySet(), guessedError.keySet(), "the same members");
    assertEquals(
        missingError.getString("message").replace(missingName, "<file>"),
        guessedError.getString("message").replace(guessedName, "<file>"),
        "the same message");
    assertEquals(missing.json().keySet(), guessed.json().keySet(), "the same body members");
    assertEquals(missing.header("Content-Type"), guessed.header("Content-Type"));
    assertNull(guessed.header("Content-Disposition"), () -> "no file in " + guessed);
  }
}
