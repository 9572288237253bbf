package io.oteldemo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerEndpointTest {

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "EMBEDDED", "Embedded", "  embedded  "})
  void embeddedInAnyCaseIsTheEmbeddedWorker(String setting) {
    WorkerEndpoint endpoint = WorkerEndpoint.parse(setting);

    assertEquals(
        WorkerEndpoint.Mode.EMBEDDED,
        endpoint.mode(),
        "'" + setting + "' should select the embedded worker");
    assertEquals("127.0.0.1", endpoint.host(), "the embedded worker listens on loopback");
  }

  @Test
  void hostAndPortIsADirectEndpoint() {
    WorkerEndpoint endpoint = WorkerEndpoint.parse("otel-worker.otel-worker.svc:50051");

    assertEquals(
        new WorkerEndpoint(WorkerEndpoint.Mode.DIRECT, "otel-worker.otel-worker.svc", 50051),
        endpoint);
    assertEquals(
        "otel-worker.otel-worker.svc:50051",
        endpoint.target(),
        "a direct target is host:port without a scheme");
  }

  @Test
  void ipv4AddressIsADirectEndpoint() {
    WorkerEndpoint endpoint = WorkerEndpoint.parse("10.0.0.7:1");

    assertEquals(new WorkerEndpoint(WorkerEndpoint.Mode.DIRECT, "10.0.0.7", 1), endpoint);
    assertEquals("10.0.0.7:1", endpoint.target());
  }

  @Test
  void dnsSchemeIsRoundRobinOverEveryAddress() {
    WorkerEndpoint endpoint = WorkerEndpoint.parse("dns:///otel-worker-headless:50051");

    assertEquals(
        new WorkerEndpoint(WorkerEndpoint.Mode.DNS_ROUND_ROBIN, "otel-worker-headless", 50051),
        endpoint,
        "the host should be parsed without the scheme");
    assertEquals(
        "dns:///otel-worker-headless:50051",
        endpoint.target(),
        "the target should keep the dns:/// scheme so gRPC resolves every address");
  }

  @Test
  void ipv6AddressInBracketsIsAccepted() {
    WorkerEndpoint endpoint = WorkerEndpoint.parse("[::1]:50051");

    assertEquals(WorkerEndpoint.Mode.DIRECT, endpoint.mode());
    assertEquals(50051, endpoint.port());
    assertEquals(
        "[::1]:50051",
        endpoint.target(),
        "the target should keep the brackets, or the port would be read as part of the address");
  }

  @Test
  void ipv6AddressWithDnsScheme() {
    WorkerEndpoint endpoint = WorkerEndpoint.parse("dns:///[fd00:10::7]:65535");

    assertEquals(WorkerEndpoint.Mode.DNS_ROUND_ROBIN, endpoint.mode());
    assertEquals(65535, endpoint.port(), "65535 is the highest port");
    assertEquals("dns:///[fd00:10::7]:65535", endpoint.target());
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertEquals(
        new WorkerEndpoint(WorkerEndpoint.Mode.DIRECT, "worker", 50051),
        WorkerEndpoint.parse("  worker:50051\n"),
        "whitespace around the value (a common env-file accident) should be trimmed");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "   ",
        "worker",
        "worker:",
        ":50051",
        "worker:0",
        "worker:70000",
        "worker:65536",
        "worker:123456",
        "worker:-1",
        "worker:port",
        "http://x:1",
        "dns://x:1",
        "dns:///x",
        "dns:///",
        "wor ker:50051",
        "worker :50051",
        "worker: 50051",
        "-worker:50051",
        "worker-:50051",
        "::1:50051",
        "[::1]",
        "worker:50051/path"
      })
  void invalidSettingsAreRejectedNamingTheVariable(String setting) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WorkerEndpoint.parse(setting),
            "'" + setting + "' should be rejected");

    assertTrue(
        e.getMessage().contains("DISTANCE_SERVICE_ENDPOINT"),
        "the message should name DISTANCE_SERVICE_ENDPOINT: " + e.getMessage());
    if (setting != null && !setting.isBlank()) {
      assertTrue(
          e.getMessage().contains(setting.trim()),
          "the message should quote the rejected value '" + setting + "': " + e.getMessage());
    }
  }
}
