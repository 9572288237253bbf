package io.oteldemo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header values the JAX-RS runtime fails on (each was seen to answer an empty HTML 400 or a 500
 * with a stack trace in the log), against the values it reads; the media types with the runtime's
 * own parser.
 */
class NegotiationHeadersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        ";;;",
        "/",
        "a/b, ;;",
        "text/html, , application/json",
        "*/*;q=abc",
        "application/json;q=0.5;q=x",
        "application/json;Q=x",
        "application/json;q=2",
        "application/json;q=NaN",
        "text"
      })
  void malformedMediaTypeListsAreFound(String accept) {
    assertFalse(NegotiationHeaders.isMediaTypeList(accept), accept);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*/*",
        "application/json",
        "application/json, text/plain;q=0.5, */*;q=0.1",
        "application/json;q=\"0.5\"",
        "application/json;q=1.0",
        "application/json;q=0",
        "text/html;level=1, text/*;q=0.3",
        ",",
        "",
        "application/json,"
      })
  void wellFormedMediaTypeListsPass(String accept) {
    assertTrue(NegotiationHeaders.isMediaTypeList(accept), accept);
  }

  @ParameterizedTest
  @ValueSource(strings = {";;;", "/", "", "application/json;q=x", "application"})
  void malformedContentTypesAreFound(String contentType) {
    assertFalse(NegotiationHeaders.isMediaType(contentType), contentType);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application/json", "application/json; charset=utf-8", "text/plain;charset=nope"})
  void wellFormedContentTypesPass(String contentType) {
    assertTrue(NegotiationHeaders.isMediaType(contentType), contentType);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en;q=x", "en;q=2", "en;q", "de, en;q=-1", "en;Q=x"})
  void malformedLanguageListsAreFound(String acceptLanguage) {
    assertFalse(NegotiationHeaders.isLanguageList(acceptLanguage), acceptLanguage);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de-CH, de;q=0.9, en;q=0.8, *;q=0.5", ";;;", ",,,", "en;q=\"0.5\""})
  void languageListsTheRuntimeReadsPass(String acceptLanguage) {
    assertTrue(NegotiationHeaders.isLanguageList(acceptLanguage), acceptLanguage);
  }

  @Test
  void everyValueOfEveryCheckedHeaderIsLookedAt() {
    Map<String, List<String>> headers =
        Map.of(
            "Accept", List.of("application/json", ";;;"),
            "Content-Type", List.of("application/json"),
            "Accept-Language", List.of("en", "en;q=x"),
            "Accept-Encoding", List.of(";;;"));

    assertEquals(
        List.of("Accept", "Accept-Language"),
        NegotiationHeaders.malformed(name -> headers.getOrDefault(name, List.of())));
  }

  @Test
  void noHeadersAreNothingMalformed() {
    assertEquals(List.of(), NegotiationHeaders.malformed(name -> List.of()));
  }
}
