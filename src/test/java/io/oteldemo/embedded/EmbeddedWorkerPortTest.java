package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

  @Test
  void holdDevicesDefaultHoldsNoneAndAListHoldsEachDevice() {
    assertEquals(
        Set.of(), EmbeddedWorkerServer.heldDevices(List.of("-")), "the default '-' holds none");
    assertEquals(
        Set.of("bench_held", "ui_demo"),
        EmbeddedWorkerServer.heldDevices(List.of("bench_held", " ui_demo")),
        "each listed device is held");
  }
}
