package io.oteldemo.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodedPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/x%ff",
        "/x%C0%AE",
        "/x%e2%82",
        "/api/distance/jobs/;x=%ff",
        "/x%",
        "/x%z1",
        "/x%+f",
        "/x%ed%a0%80"
      })
  void pathsThatAreNoUtf8AreFound(String path) {
    assertFalse(PercentEncodedPath.isUtf8(path), path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/api/distance/jobs",
        "/api/distance/jobs/%e2%82%ac",
        "/x%2Fy",
        "/caf%C3%A9",
        "/%F0%9F%98%80",
        "/api/distance;x=1/calculate"
      })
  void utf8PathsPass(String path) {
    assertTrue(PercentEncodedPath.isUtf8(path), path);
  }
}
