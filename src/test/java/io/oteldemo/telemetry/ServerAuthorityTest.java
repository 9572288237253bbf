package io.oteldemo.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerAuthorityTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:50051, 127.0.0.1, 50051",
    "otel-worker.default.svc.cluster.local:50051, otel-worker.default.svc.cluster.local, 50051",
    "'[::1]:8443', ::1, 8443",
    "user@worker:7000, worker, 7000",
  })
  void hostAndPort(String authority, String host, int port) {
    assertEquals(
        Optional.of(new ServerAuthority(host, OptionalInt.of(port))),
        ServerAuthority.parse(authority));
  }

  @ParameterizedTest
  @ValueSource(strings = {"worker", "worker:", "worker:http", "worker:99999", "::1"})
  void hostWithoutAUsablePort(String authority) {
    assertEquals(OptionalInt.empty(), ServerAuthority.parse(authority).orElseThrow().port());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ":50051", "[::1"})
  void noHost(String authority) {
    assertEquals(Optional.empty(), ServerAuthority.parse(authority));
  }
}
