package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EMBEDDED_WORKER_PORT: a free port or a real one; anything else stops the start. */
class EmbeddedWorkerPortTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 50051, 65535})
  void freeOrRealPortIsAccepted(int port) {
    assertEquals(port, EmbeddedWorkerServer.checkedPort(port));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536})
  void impossiblePortStopsTheStart(int port) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EmbeddedWorkerServer.checkedPort(port));
    assertTrue(
        e.getMessage().contains("EMBEDDED_WORKER_PORT")
            && e.getMessage().contains(Integer.toString(port)),
        e::getMessage);
  }
}
