package io.oteldemo.distance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oteldemo.error.ValidationException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body with anything after its JSON value is not valid JSON. */
class CalculateRequestReaderTrailingContentTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"date\":\"2026-01-25\"}x",
        "{\"date\":\"2026-01-25\"} {}",
        "{\"date\":\"2026-01-25\"}]",
        "{\"date\":\"2026-01-25\"}{\"date\":\"1999-01-01\"}"
      })
  void contentAfterTheObjectIsNotJson(String body) {
    CalculateRequestReader reader =
        new CalculateRequestReader(
            new DistanceRules(Clock.fixed(Instant.parse("2026-01-26T12:00:00Z"), ZoneOffset.UTC)));
    assertThrows(
        ValidationException.class,
        () ->
            reader.read(
                MediaType.APPLICATION_JSON_TYPE,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))),
        "'" + body + "' is not valid JSON and should be rejected");
  }
}
