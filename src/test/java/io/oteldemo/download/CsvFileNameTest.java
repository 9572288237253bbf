package io.oteldemo.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFileNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "distance_20260125.csv",
        "distance_20260125_iphone_stuart.csv",
        "distance_20260125_A1.csv",
        "distance_19991231_x.csv"
      })
  void resultFileNamesAreAccepted(String name) {
    assertEquals(name, CsvFileName.check(name), name + " should be accepted as it is");
  }

  @Test
  void aDeviceOf64CharactersIsAcceptedAnd65Rejected() {
    String max = "distance_20260125_" + "d".repeat(64) + ".csv";
    assertEquals(max, CsvFileName.check(max));

    assertRejected("distance_20260125_" + "d".repeat(65) + ".csv", "distance_YYYYMMDD");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void aNameIsRequired(String name) {
    assertRejected(name, "required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "report_20260125.csv",
        "Distance_20260125.csv",
        "20260125.csv",
        "xdistance_20260125.csv",
        ".csv"
      })
  void wrongPrefixIsRejectedNamingThePrefix(String name) {
    assertRejected(name, "distance_");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "distance_20260125.txt",
        "distance_20260125.CSV",
        "distance_20260125.csv.exe",
        "distance_20260125",
        "distance_20260125.csv "
      })
  void wrongExtensionIsRejectedNamingTheExtension(String name) {
    assertRejected(name, ".csv");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../distance_20260125.csv",
        "distance_20260125.csv/..",
        "distance_..csv",
        "/etc/passwd",
        "sub/distance_20260125.csv",
        "distance_20260125/x.csv",
        "..\\distance_20260125.csv",
        "distance_20260125\\x.csv",
        "\\\\server\\share.csv"
      })
  void pathTraversalIsRejectedAsSuch(String name) {
    assertRejected(name, "traversal");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "distance_2026012.csv",
        "distance_202601251.csv",
        "distance_2026-01-25.csv",
        "distance_20260125_.csv",
        "distance_20260125_iphone-x.csv",
        "distance_20260125_a b.csv",
        "distance_20260125.csv.csv",
        "distance_.csv",
        "distance_abcdefgh.csv"
      })
  void otherShapesAreRejectedWithTheExpectedShape(String name) {
    assertRejected(name, "distance_YYYYMMDD.csv or distance_YYYYMMDD_<device>.csv");
  }

  private static void assertRejected(String name, String messagePart) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> CsvFileName.check(name),
            "'" + name + "' should be rejected");
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertTrue(
        e.getMessage().contains(messagePart),
        "the message for '" + name + "' should mention " + messagePart + ": " + e.getMessage());
    assertEquals("file", e.details().get("field"), "details.field");
    assertEquals(name, e.details().get("value"), "details.value");
  }
}
