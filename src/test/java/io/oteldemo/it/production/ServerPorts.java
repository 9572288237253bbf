package io.oteldemo.it.production;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The free ports of a server the tests create: the API's HTTP and HTTPS ports and the management
 * port (MicroProfile Health, Liberty's own endpoints), as bootstrap properties and URLs.
 */
record ServerPorts(int http, int https, int management) {

  static ServerPorts free() {
    return new ServerPorts(TestWorker.freePort(), TestWorker.freePort(), TestWorker.freePort());
  }

  Map<String, String> bootstrapProperties() {
    return Map.of(
        "http.port", String.valueOf(http),
        "https.port", String.valueOf(https),
        "management.port", String.valueOf(management));
  }

  /** The ports as MicroProfile Config values (the JWKS relay, the OpenAPI relay). */
  List<String> jvmOptions() {
    return List.of("-Dhttp.port=" + http, "-Dmanagement.port=" + management);
  }

  URI baseUri() {
    return URI.create("http://localhost:" + http);
  }

  URI managementUri() {
    return URI.create("http://localhost:" + management);
  }
}
