package io.oteldemo.devissuer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuerTest {

  private static final Instant ISSUED = Instant.parse("2026-01-25T12:00:00Z");

  @TempDir Path dir;

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static byte[] base64url(String text) {
    assertFalse(
        text.contains("=") || text.contains("+") || text.contains("/"),
        "JOSE values should be unpadded base64url, was: " + text);
    return Base64.getUrlDecoder().decode(text);
  }

  private static JsonObject decodePart(String part) {
    return parse(new String(base64url(part), StandardCharsets.UTF_8));
  }

  private static JsonObject onlyKey(Path issuerDir) throws Exception {
    JsonObject jwks = parse(Files.readString(issuerDir.resolve("jwks.json")));
    JsonArray keys = jwks.getJsonArray("keys");
    assertEquals(1, keys.size(), "the JWKS should hold exactly the issuer's key");
    return keys.getJsonObject(0);
  }

  /** The public key a verifier rebuilds from the JWK's n and e. */
  private static RSAPublicKey publicKeyOf(JsonObject jwk) throws Exception {
    BigInteger modulus = new BigInteger(1, base64url(jwk.getString("n")));
    BigInteger exponent = new BigInteger(1, base64url(jwk.getString("e")));
    return (RSAPublicKey)
        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }

  private static boolean verifies(String token, PublicKey key) throws Exception {
    String[] parts = token.split("\\.", -1);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rs256.verify(base64url(parts[2]));
  }

  private static String[] parts(String token) {
    String[] parts = token.split("\\.", -1);
    assertEquals(3, parts.length, "a signed JWT should have three parts: " + token);
    return parts;
  }

  @Test
  void theFirstOpenCreatesTheKeyAndItsJwks() throws Exception {
    Path issuerDir = dir.resolve("nested/.dev-issuer");

    DevIssuer issuer = DevIssuer.openOrCreate(issuerDir);

    assertTrue(
        Files.isRegularFile(issuerDir.resolve("private-key.der")),
        "the private key should be written to private-key.der");
    assertTrue(
        Files.isRegularFile(issuerDir.resolve("jwks.json")),
        "the JWKS should be written to jwks.json");
    assertEquals(2048, issuer.publicKey().getModulus().bitLength(), "the key should be RSA 2048");
    assertEquals(16, issuer.keyId().length(), "the key id should be 16 characters");
    assertTrue(
        issuer.keyId().matches("[A-Za-z0-9_-]{16}"),
        "the key id should be base64url, was: " + issuer.keyId());
  }

  @Test
  void theSecondOpenReloadsTheSameKeyWithoutRewritingTheFiles() throws Exception {
    DevIssuer first = DevIssuer.openOrCreate(dir);
    byte[] keyFile = Files.readAllBytes(dir.resolve("private-key.der"));
    String jwks = Files.readString(dir.resolve("jwks.json"));

    DevIssuer second = DevIssuer.openOrCreate(dir);

    assertEquals(first.keyId(), second.keyId(), "the reloaded key should have the same key id");
    assertEquals(
        first.publicKey(), second.publicKey(), "the reloaded public key should be the same");
    assertArrayEquals(
        first.privateKey().getEncoded(),
        second.privateKey().getEncoded(),
        "the reloaded private key should be the same");
    assertArrayEquals(
        keyFile,
        Files.readAllBytes(dir.resolve("private-key.der")),
        "reopening should not rewrite the private key");
    assertEquals(
        jwks, Files.readString(dir.resolve("jwks.json")), "reopening should not rewrite the JWKS");
  }

  @Test
  void aTokenOfTheFirstOpenVerifiesWithTheKeyOfTheSecond() throws Exception {
    String token =
        DevIssuer.openOrCreate(dir)
            .sign(DevIssuer.openOrCreate(dir).accessTokenClaims("s", "u", List.of(), ISSUED, 60));

    assertTrue(
        verifies(token, DevIssuer.openOrCreate(dir).publicKey()),
        "a token signed before a restart should verify after it");
  }

  @Test
  void twoFoldersHaveTwoKeys() throws Exception {
    DevIssuer one = DevIssuer.openOrCreate(dir.resolve("one"));
    DevIssuer two = DevIssuer.openOrCreate(dir.resolve("two"));

    assertNotEquals(one.keyId(), two.keyId(), "each folder should get its own key and key id");
  }

  @Test
  void theJwksDescribesTheSigningKey() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);

    JsonObject jwk = onlyKey(dir);

    assertEquals("RSA", jwk.getString("kty"), "kty should be RSA");
    assertEquals("sig", jwk.getString("use"), "use should be sig");
    assertEquals("RS256", jwk.getString("alg"), "alg should be RS256");
    assertEquals(issuer.keyId(), jwk.getString("kid"), "kid should be the issuer's key id");
    assertEquals("AQAB", jwk.getString("e"), "e should be 65537");
    assertNotEquals(
        0,
        base64url(jwk.getString("n"))[0],
        "n should be the unsigned modulus, without a leading zero byte");
    assertEquals(256, base64url(jwk.getString("n")).length, "n should be 256 bytes for RSA 2048");
    assertEquals(
        issuer.publicKey(), publicKeyOf(jwk), "n and e should rebuild the issuer's public key");
  }

  @Test
  void aSignedTokenVerifiesWithTheJwksKey() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);
    String token =
        issuer.sign(
            issuer.accessTokenClaims("sub-1", "alice", List.of("distance-users"), ISSUED, 3600));

    String[] parts = parts(token);
    JsonObject header = decodePart(parts[0]);
    assertEquals("RS256", header.getString("alg"), "the header should name RS256");
    assertEquals(issuer.keyId(), header.getString("kid"), "the header should name the key id");
    assertTrue(
        verifies(token, publicKeyOf(onlyKey(dir))),
        "the signature should verify with the key published in jwks.json");
  }

  @Test
  void aTamperedTokenDoesNotVerify() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);
    String[] parts =
        parts(issuer.sign(issuer.accessTokenClaims("sub-1", "alice", List.of(), ISSUED, 3600)));
    Map<String, Object> forged =
        issuer.accessTokenClaims("sub-1", "mallory", List.of(), ISSUED, 3600);

    String tampered = parts[0] + "." + DevIssuer.part(forged) + "." + parts[2];

    assertFalse(
        verifies(tampered, issuer.publicKey()),
        "changed claims should not verify with the original signature");
  }

  @Test
  void theClaimsAreThoseOfACognitoAccessToken() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);
    String token =
        issuer.sign(
            issuer.accessTokenClaims(
                "sub-1", "alice", List.of("distance-users", "admins"), ISSUED, 900));

    JsonObject claims = decodePart(parts(token)[1]);

    assertEquals("sub-1", claims.getString("sub"), "sub should be the given subject");
    assertEquals(DevIssuer.ISSUER, claims.getString("iss"), "iss should be the dev issuer");
    assertEquals("access", claims.getString("token_use"), "token_use should be access");
    assertEquals(
        DevIssuer.CLIENT_ID, claims.getString("client_id"), "client_id should be the dev client");
    assertEquals("alice", claims.getString("username"), "username should be the given name");
    assertFalse(claims.containsKey("aud"), "a Cognito access token has no aud");
    assertEquals(
        List.of("distance-users", "admins"),
        claims.getJsonArray("cognito:groups").getValuesAs(jakarta.json.JsonString::getString),
        "cognito:groups should be a JSON array of the groups");
    long iat = claims.getJsonNumber("iat").longValueExact();
    assertEquals(ISSUED.getEpochSecond(), iat, "iat should be the issue time");
    assertEquals(
        iat + 900, claims.getJsonNumber("exp").longValueExact(), "exp should be iat + ttl");
    assertEquals(
        iat,
        claims.getJsonNumber("auth_time").longValueExact(),
        "auth_time should be the issue time");
    assertFalse(claims.getString("jti").isBlank(), "the token should have a jti");
  }

  @Test
  void noGroupsMeansNoGroupsClaim() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);

    JsonObject claims =
        decodePart(
            parts(issuer.sign(issuer.accessTokenClaims("sub-1", "alice", List.of(), ISSUED, 60)))[
                1]);

    assertFalse(
        claims.containsKey("cognito:groups"),
        "a user without groups should get no cognito:groups claim");
  }

  @Test
  void everyTokenHasItsOwnJti() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);

    Object first = issuer.accessTokenClaims("s", "u", List.of(), ISSUED, 60).get("jti");
    Object second = issuer.accessTokenClaims("s", "u", List.of(), ISSUED, 60).get("jti");

    assertNotEquals(first, second, "two tokens should not share a jti");
  }

  @Test
  void theStaticSignUsesTheGivenKeyAndHeader() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair stranger = generator.generateKeyPair();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", issuer.keyId());
    header.put("alg", "RS256");

    String token =
        DevIssuer.sign(
            header,
            issuer.accessTokenClaims("s", "u", List.of(), ISSUED, 60),
            stranger.getPrivate());

    assertTrue(
        verifies(token, stranger.getPublic()), "the token should verify with the signing key");
    assertFalse(
        verifies(token, issuer.publicKey()),
        "a token signed with another key should not verify with the issuer's");
    assertEquals(
        issuer.keyId(),
        decodePart(parts(token)[0]).getString("kid"),
        "the given header should be used as it is");
  }

  @Test
  void partWritesJsonThatParsesBackToTheSameValues() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("quote", "say \"hi\"");
    json.put("backslash", "C:\\dir\\file");
    json.put("control", "line1\nline2\ttab\u0001");
    json.put("unicode", "Zürich → 東京");
    json.put("number", 1737806400L);
    json.put("flag", true);
    json.put("nothing", null);
    json.put("list", List.of("a", 2, List.of("nested")));
    json.put("object", Map.of("k", "v"));

    JsonObject parsed = decodePart(DevIssuer.part(json));

    assertEquals("say \"hi\"", parsed.getString("quote"), "quotes should survive");
    assertEquals("C:\\dir\\file", parsed.getString("backslash"), "backslashes should survive");
    assertEquals(
        "line1\nline2\ttab\u0001",
        parsed.getString("control"),
        "control characters should be escaped and survive");
    assertEquals("Zürich → 東京", parsed.getString("unicode"), "non-ASCII text should survive");
    assertEquals(
        1737806400L,
        parsed.getJsonNumber("number").longValueExact(),
        "numbers should stay numbers");
    assertTrue(parsed.getBoolean("flag"), "booleans should stay booleans");
    assertTrue(parsed.isNull("nothing"), "null should stay null");
    assertEquals("a", parsed.getJsonArray("list").getString(0), "lists should become arrays");
    assertEquals(2, parsed.getJsonArray("list").getInt(1), "numbers in lists should stay numbers");
    assertEquals(
        "nested",
        parsed.getJsonArray("list").getJsonArray(2).getString(0),
        "nested lists should become nested arrays");
    assertEquals("v", parsed.getJsonObject("object").getString("k"), "maps should become objects");
  }

  @Test
  void distinctUserTokensHaveOneSubEachAndVerify() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);

    List<String> tokens = issuer.distinctUserTokens(5, List.of("load"), ISSUED, 600);

    assertEquals(5, tokens.size(), "one token per requested user");
    Set<String> subs = new HashSet<>();
    for (String token : tokens) {
      assertTrue(verifies(token, issuer.publicKey()), "each token should verify: " + token);
      JsonObject claims = decodePart(parts(token)[1]);
      subs.add(claims.getString("sub"));
      assertEquals("access", claims.getString("token_use"), "an access token: " + claims);
      assertEquals(
          ISSUED.getEpochSecond() + 600,
          claims.getJsonNumber("exp").longValue(),
          "exp from the ttl: " + claims);
    }
    assertEquals(5, subs.size(), "every token should have a sub of its own: " + subs);
  }
}
