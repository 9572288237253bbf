package io.oteldemo.it;

import static io.oteldemo.it.ApiAssertions.assertError;
import static io.oteldemo.it.ApiAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The download endpoint's name rules and what it refuses to serve. */
public class DownloadIT {

  private static final String DOWNLOAD = "/api/distance/download/";
  private final ApiClient api = new ApiClient();

  @BeforeAll
  static void prepareStore() throws IOException {
    Path store = Path.of(System.getProperty("it.csv.storage.path"));
    Files.createDirectories(store);
    Path outside = Files.createTempFile("outside", ".csv");
    Files.writeString(outside, "secret\n");
    Path link = store.resolve("distance_19990101_link.csv");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, outside);
    Files.createDirectories(store.resolve("distance_19990102.csv"));
  }

  @Test
  void wrongPrefixIsRejected() {
    assertValidationError(api.get(DOWNLOAD + "report_20260125.csv"), "file", "distance_");
  }

  @Test
  void wrongExtensionIsRejected() {
    assertValidationError(api.get(DOWNLOAD + "distance_20260125.txt"), "file", ".csv");
  }

  @ParameterizedTest
  @CsvSource({"distance_..csv", "distance_20260125..csv", "..distance_20260125.csv"})
  void traversalInTheNameIsRejected(String name) {
    assertValidationError(api.get(DOWNLOAD + name), "file", "traversal");
  }

  /** The web container refuses these before routing; the answer is still our error body. */
  @ParameterizedTest
  @CsvSource({
    "..%2F..%2Fetc%2Fpasswd",
    "..%5Cdistance_20260125.csv",
    "sub%2Fdistance_20260125.csv",
    "%2e%2e"
  })
  void encodedSeparatorsAreRejected(String name) {
    assertValidationError(api.get(DOWNLOAD + name), "path", "traversal");
  }

  @Test
  void nameThatIsNotAResultFileIsRejected() {
    assertValidationError(api.get(DOWNLOAD + "distance_2026.csv"), "file", "distance_YYYYMMDD");
  }

  @Test
  void missingFileIs404() {
    assertError(api.get(DOWNLOAD + "distance_19000101.csv"), 404, "NOT_FOUND");
  }

  @Test
  void symlinkLeadingOutsideTheStoreIs404() {
    ApiClient.Answer answer = api.get(DOWNLOAD + "distance_19990101_link.csv");
    assertError(answer, 404, "NOT_FOUND");
  }

  @Test
  void directoryIs404() {
    assertError(api.get(DOWNLOAD + "distance_19990102.csv"), 404, "NOT_FOUND");
  }

  @Test
  void downloadAnswersWithAttachmentHeaders() {
    String jobId =
        JobPolling.submit(api, "{\"date\":\"2026-01-25\",\"device_id\":\"ipad_stuart\"}");
    JobPolling.awaitFinished(api, jobId);

    ApiClient.Answer csv = api.get(DOWNLOAD + "distance_20260125_ipad_stuart.csv");

    assertEquals(200, csv.status(), () -> "download: " + csv);
    assertEquals(
        "attachment; filename=\"distance_20260125_ipad_stuart.csv\"",
        csv.header("Content-Disposition"));
    assertEquals(String.valueOf(csv.body().length()), csv.header("Content-Length"));
  }
}
