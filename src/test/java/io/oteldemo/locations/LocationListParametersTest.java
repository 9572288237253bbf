package io.oteldemo.locations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationListParametersTest {

  /** The parameters as JAX-RS hands them over: every value of each, none when absent. */
  private static LocationListParameters sent(String name, List<String> values) {
    LocationListParameters parameters = new LocationListParameters();
    parameters.limit = List.of();
    parameters.offset = List.of();
    parameters.sort = List.of();
    parameters.order = List.of();
    parameters.deviceId = List.of();
    switch (name) {
      case "limit" -> parameters.limit = values;
      case "offset" -> parameters.offset = values;
      case "sort" -> parameters.sort = values;
      case "order" -> parameters.order = values;
      case "device_id" -> parameters.deviceId = values;
      default -> throw new IllegalArgumentException(name);
    }
    return parameters;
  }

  @Test
  void withoutParametersTheNewestTwentyOfEveryReadableDevice() {
    assertEquals(
        new LocationListRequest(Optional.empty(), LocationSort.CREATED_AT, SortOrder.DESC, 20, 0),
        sent("limit", List.of()).request());
  }

  @Test
  void everyParameterIsRead() {
    LocationListParameters parameters = new LocationListParameters();
    parameters.limit = List.of("100");
    parameters.offset = List.of("10000");
    parameters.sort = List.of("battery");
    parameters.order = List.of("asc");
    parameters.deviceId = List.of("iphone_stuart");

    assertEquals(
        new LocationListRequest(
            Optional.of("iphone_stuart"), LocationSort.BATTERY, SortOrder.ASC, 100, 10000),
        parameters.request());
  }

  @Test
  void everySortColumnOfTheApiIsKnown() {
    for (String column :
        List.of(
            "created_at", "latitude", "longitude", "accuracy", "altitude", "velocity", "battery")) {
      assertEquals(column, sent("sort", List.of(column)).request().sort().wireName());
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "limit     | 0             | limit must be a whole number from 1 to 100",
        "limit     | 101           | limit must be a whole number from 1 to 100",
        "limit     | ten           | limit must be a whole number from 1 to 100",
        "limit     | 1.5           | limit must be a whole number from 1 to 100",
        "limit     | ''            | limit must be a whole number from 1 to 100",
        "limit     | 99999999999   | limit must be a whole number from 1 to 100",
        "offset    | -1            | offset must be a whole number from 0 to 10000",
        "offset    | 10001         | offset must be a whole number from 0 to 10000",
        "offset    | x             | offset must be a whole number from 0 to 10000",
        "sort      | timestamp     | sort must be one of created_at, latitude, longitude",
        "sort      | CREATED_AT    | sort must be one of created_at",
        "sort      | ''            | sort must be one of",
        "order     | DESC          | order must be asc or desc",
        "order     | up            | order must be asc or desc",
        "device_id | iphone-stuart | device_id must be 1-64 letters, digits or underscores",
        "device_id | ''            | device_id must be 1-64 letters, digits or underscores",
        "device_id | ../rec        | device_id must be 1-64 letters, digits or underscores"
      })
  void aBadValueIs400NamingTheParameter(String name, String value, String message) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> sent(name, List.of(value)).request());
    assertEquals(name, e.details().get("field"), "details.field");
    assertEquals(value, e.details().get("value"), "details.value");
    assertTrue(e.getMessage().startsWith(message), () -> "message: " + e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"limit,5", "offset,0", "sort,battery", "order,asc", "device_id,iphone_stuart"})
  void aRepeatedParameterIs400NamingIt(String name, String value) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> sent(name, List.of(value, value)).request());
    assertEquals(name, e.details().get("field"));
    assertEquals(name + " must be given at most once", e.getMessage());
  }
}
