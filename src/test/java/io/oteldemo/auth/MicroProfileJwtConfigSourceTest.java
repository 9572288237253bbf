package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile JWT's settings are the application's: Liberty must check a token as the gate did,
 * whatever else the environment sets.
 */
class MicroProfileJwtConfigSourceTest {

  /** What Liberty's mpJwt-2.1 reads from MicroProfile Config for every request it authenticates. */
  private static final Set<String> READ_BY_LIBERTY =
      Set.of(
          "mp.jwt.verify.issuer",
          "mp.jwt.verify.publickey",
          "mp.jwt.verify.publickey.location",
          "mp.jwt.verify.publickey.algorithm",
          "mp.jwt.decrypt.key.location",
          "mp.jwt.verify.audiences",
          "mp.jwt.token.header",
          "mp.jwt.token.cookie",
          "mp.jwt.verify.token.age",
          "mp.jwt.verify.clock.skew",
          "mp.jwt.decrypt.key.algorithm");

  private final MicroProfileJwtConfigSource source = new MicroProfileJwtConfigSource();

  @Test
  void answersEverySettingLibertyReadsButTheIssuer() {
    Set<String> expected = new TreeSet<>(READ_BY_LIBERTY);
    expected.remove(AuthConfiguration.ISSUER);
    assertEquals(expected, new TreeSet<>(source.getPropertyNames()));
    assertNull(
        source.getValue(AuthConfiguration.ISSUER),
        "the issuer comes from the settings the gate reads too");
  }

  @Test
  void keysComeThroughTheRelayAsRs256FromTheAuthorizationHeader() {
    assertEquals(
        "http://127.0.0.1:${http.port:9080}/auth/jwks",
        source.getValue("mp.jwt.verify.publickey.location"));
    assertEquals("RS256", source.getValue("mp.jwt.verify.publickey.algorithm"));
    assertEquals("Authorization", source.getValue("mp.jwt.token.header"));
  }

  @Test
  void checksAndTokenFormsTheGateDoesNotMakeAreUnset() {
    for (String name :
        Set.of(
            "mp.jwt.verify.publickey",
            "mp.jwt.verify.audiences",
            "mp.jwt.verify.token.age",
            "mp.jwt.verify.clock.skew",
            "mp.jwt.token.cookie",
            "mp.jwt.decrypt.key.location",
            "mp.jwt.decrypt.key.algorithm")) {
      // MicroProfile Config reads an empty value as no value, and stops looking at this source.
      assertEquals("", source.getValue(name), name);
    }
  }

  @Test
  void winsOverEveryOtherSourceWithOneAnswerPerName() {
    // The environment's ordinal is 300, system properties' 400, Liberty's server.xml variables'
    // 500.
    assertTrue(source.getOrdinal() > 500, "ordinal " + source.getOrdinal());
    source
        .getPropertyNames()
        .forEach(name -> assertEquals(source.getProperties().get(name), source.getValue(name)));
  }
}
