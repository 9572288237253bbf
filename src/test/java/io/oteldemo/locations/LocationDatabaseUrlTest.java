package io.oteldemo.locations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationDatabaseUrlTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db.internal:6432/owntracks | db.internal | 6432 | owntracks",
        "jdbc:postgresql://pgbouncer/owntracks?sslmode=require&tcpKeepAlive=true | pgbouncer | 5432"
            + " | owntracks",
        "jdbc:postgresql://a:5433,b:5434/owntracks?targetServerType=primary | a | 5433 | owntracks",
        "jdbc:postgresql://[::1]:5432/db | [::1] | 5432 | db"
      })
  void takesHostPortAndDatabase(String url, String host, int port, String database) {
    assertEquals(new LocationDatabaseUrl(host, port, database), LocationDatabaseUrl.parse(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://db:5432/owntracks",
        "jdbc:mysql://db:3306/owntracks",
        "jdbc:postgresql:owntracks",
        "jdbc:postgresql://db:5432/",
        "jdbc:postgresql://db:99999/owntracks",
        "jdbc:postgresql://db:port/owntracks",
        "jdbc:postgresql://db:5432/owntracks?user=app&password=s3cret-value",
        "jdbc:postgresql://db:5432/owntracks?prepareThreshold=5",
        "jdbc:postgresql://db:5432/owntracks?ssl=true&preferQueryMode=extendedCacheEverything"
      })
  void aMalformedUrlNamesTheSettingAndNeverEchoesIt(String url) {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> LocationDatabaseUrl.parse(url));
    assertTrue(refused.getMessage().startsWith("LOCATIONS_DB_URL "), refused.getMessage());
    assertFalse(refused.getMessage().contains(url), refused.getMessage());
    assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void aBlankUrlIsUnsetAndTheRecorderFilesAreTheStore(String blank) {
    assertEquals(Optional.empty(), LocationStoreProducer.databaseUrl(Optional.of(blank)));
    assertEquals(Optional.empty(), LocationStoreProducer.databaseUrl(Optional.empty()));
  }
}
