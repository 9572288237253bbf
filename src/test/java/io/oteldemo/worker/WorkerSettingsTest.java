package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {

  @Test
  void aNonPositiveDeadlineStopsTheStartNamingTheSetting() {
    for (int seconds : new int[] {0, -5}) {
      WorkerSettings settings = new WorkerSettings();
      settings.endpointSetting = "worker:50051";
      settings.timeoutSeconds = seconds;
      settings.httpUrlSetting = Optional.empty();

      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              settings::load,
              "DISTANCE_SERVICE_TIMEOUT=" + seconds + " must be refused");
      assertEquals(
          "DISTANCE_SERVICE_TIMEOUT must be a positive number of seconds, not " + seconds,
          refused.getMessage());
    }
  }

  @Test
  void aMalformedEndpointStopsTheStart() {
    WorkerSettings settings = new WorkerSettings();
    settings.endpointSetting = "not an endpoint";
    settings.timeoutSeconds = 30;
    settings.httpUrlSetting = Optional.empty();

    RuntimeException refused = assertThrows(RuntimeException.class, settings::load);
    assertTrue(refused.getMessage().contains("DISTANCE_SERVICE_ENDPOINT"), refused.getMessage());
  }

  @Test
  void theHttpEndpointDefaultsToPort8080OfTheWorkersHost() {
    WorkerSettings settings =
        WorkerSettings.of("dns:///otel-worker.svc:50051", Duration.ofSeconds(30));

    assertEquals(URI.create("http://otel-worker.svc:8080"), settings.httpUrl());
  }

  @Test
  void aConfiguredHttpEndpointWins() {
    WorkerSettings settings = new WorkerSettings();
    settings.endpointSetting = "worker:50051";
    settings.timeoutSeconds = 30;
    settings.httpUrlSetting = Optional.of("http://downloads.example:9000");
    settings.load();

    assertEquals(URI.create("http://downloads.example:9000"), settings.httpUrl());
  }

  @Test
  void waitsThatOutlastCallsAreMultiplesOfTheDeadline() {
    WorkerSettings settings = WorkerSettings.of("worker:50051", Duration.ofSeconds(30));

    assertEquals(Duration.ofSeconds(30), settings.timeout());
    assertEquals(Duration.ofSeconds(60), settings.outlasting(2));
  }

  @Test
  void theFaultToleranceCheckRefusesATimeoutNotAboveTheDeadline() {
    WorkerSettings.of("worker:50051", Duration.ofSeconds(30))
        .requireTimeoutsAboveDeadline(GrpcDistanceWorkerClient.class);

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                WorkerSettings.of("worker:50051", Duration.ofSeconds(35))
                    .requireTimeoutsAboveDeadline(GrpcDistanceWorkerClient.class),
            "the annotations' 35 s timeout is not above a 35 s deadline");
    assertTrue(refused.getMessage().contains("DISTANCE_SERVICE_TIMEOUT"), refused.getMessage());
  }
}
