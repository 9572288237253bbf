package io.oteldemo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.download.CsvSources;
import io.oteldemo.worker.WorkerChannel;
import jakarta.inject.Named;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The embedded worker and its consumers meet only by bean name: the names published here must be
 * the names the worker channel and the download source ask for.
 */
class EmbeddedWorkerPublicationTest {

  @Test
  void theWorkerChannelAsksForThePublishedAddress() throws ReflectiveOperationException {
    assertEquals(
        EmbeddedWorkerServer.ADDRESS,
        published("address", InetSocketAddress.class),
        "the producer's name");
    assertEquals(
        EmbeddedWorkerServer.ADDRESS,
        WorkerChannel.class.getDeclaredField("embeddedWorker").getAnnotation(Named.class).value(),
        "the name WorkerChannel injects");
  }

  @Test
  void downloadsAskForThePublishedCsvDirectory() throws ReflectiveOperationException {
    assertEquals(
        EmbeddedWorkerServer.CSV_DIRECTORY,
        published("publishedCsvDirectory", Path.class),
        "the producer's name");
    assertEquals(
        EmbeddedWorkerServer.CSV_DIRECTORY,
        CsvSources.class
            .getDeclaredField("embeddedCsvDirectory")
            .getAnnotation(Named.class)
            .value(),
        "the name CsvSources injects");
  }

  private static String published(String method, Class<?> type) throws NoSuchMethodException {
    var producer = EmbeddedWorkerServer.class.getDeclaredMethod(method);
    assertEquals(type, producer.getReturnType(), method + " publishes a JDK type");
    return producer.getAnnotation(Named.class).value();
  }
}
