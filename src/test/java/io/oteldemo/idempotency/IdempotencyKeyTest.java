package io.oteldemo.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ErrorCode;
import io.oteldemo.error.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

  @Test
  void noHeaderIsNoKey() {
    assertEquals(Optional.empty(), IdempotencyKey.parse(null));
  }

  @Test
  void aKeyIsTakenAsSent() {
    assertEquals(
        Optional.of(new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324")),
        IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"));
  }

  @Test
  void theDraftsQuotedFormIsTheSameKey() {
    assertEquals(IdempotencyKey.parse("abc-123"), IdempotencyKey.parse("\"abc-123\""));
  }

  @Test
  void aKeyOf255CharactersIsAccepted() {
    String key = "k".repeat(255);
    assertEquals(key, IdempotencyKey.parse(key).orElseThrow().value());
    assertEquals(
        key,
        IdempotencyKey.parse("\"" + key + "\"").orElseThrow().value(),
        "the quotes do not count");
  }

  @Test
  void aKeyOver255CharactersIs400NamingTheHeader() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> IdempotencyKey.parse("k".repeat(256)));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals("Idempotency-Key", e.details().get("field"));
    assertTrue(e.getMessage().contains("255"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\"\""})
  void anEmptyKeyIs400NamingTheHeader(String header) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> IdempotencyKey.parse(header));
    assertEquals("Idempotency-Key", e.details().get("field"));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  /**
   * Header values arrive one character per byte (ISO-8859-1): "ü" sent in UTF-8 is the two
   * characters "Ã¼". A key must be printable ASCII, so one character is one byte as sent.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"schl\u00c3\u00bcssel", "caf\u00e9", "tab\there", "new\nline", "del\u007f"})
  void aKeyBeyondPrintableAsciiIs400NamingTheHeader(String header) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> IdempotencyKey.parse(header));
    assertEquals("Idempotency-Key", e.details().get("field"));
    assertTrue(e.getMessage().contains("ASCII"), e.getMessage());
    assertEquals(null, e.details().get("value"), "the key is not echoed");
  }

  @Test
  void everyPrintableAsciiCharacterIsAccepted() {
    StringBuilder key = new StringBuilder();
    for (char c = 0x21; c <= 0x7e; c++) {
      key.append(c);
    }
    assertEquals(key.toString(), IdempotencyKey.parse(key.toString()).orElseThrow().value());
  }

  @Test
  void theDigestIsSha256HexAndDistinguishesKeys() {
    String digest = new IdempotencyKey("abc").digest();
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digest);
    assertNotEquals(digest, new IdempotencyKey("abd").digest());
  }

  @Test
  void theKeyNeverAppearsInLogs() {
    assertFalse(new IdempotencyKey("secret-key").toString().contains("secret-key"));
  }
}
