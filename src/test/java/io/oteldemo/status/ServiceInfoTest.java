package io.oteldemo.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /info}'s answer, and the environment name that stops the start when malformed. */
class ServiceInfoTest {

  private static final BuildInfo BUILD = new BuildInfo("1.2.0", "142", "2026-12-06T09:30:00Z");

  @Test
  void theAnswerNamesTheServiceItsBuildAndEnvironment() {
    InfoView view = new ServiceInfo("otel-demo", "prod", BUILD).view("4bf92f3577b34da6");

    assertEquals(
        new InfoView(
            "otel-demo",
            "1.2.0",
            "142",
            "2026-12-06T09:30:00Z",
            "prod",
            ServiceInfo.MESSAGE,
            "4bf92f3577b34da6"),
        view);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Prod", "prod env", "https://prod.example.com", "-dev"})
  void aMalformedEnvironmentStopsTheStartNamingTheSetting(String environment) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> new ServiceInfo("otel-demo", environment, BUILD));
    assertTrue(e.getMessage().startsWith(ServiceInfo.ENVIRONMENT), e::getMessage);
  }
}
