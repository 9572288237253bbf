package io.oteldemo.it;

import io.oteldemo.devissuer.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens for the integration tests, signed with the key pair the build made for the tests' issuer
 * (its JWKS is the one the server under test trusts).
 */
public final class TestTokens {

  public static final String ISSUER = System.getProperty("it.issuer");
  public static final List<String> CLIENTS =
      List.of(System.getProperty("it.client.ids", "").split(","));
  public static final String REQUIRED_GROUP = System.getProperty("it.required.group");

  private static final DevIssuer KEYS = open();

  private TestTokens() {}

  private static DevIssuer open() {
    try {
      return DevIssuer.openOrCreate(Path.of(System.getProperty("it.issuer.dir")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid access token of a user in the required group; each call a new user by default. */
  public static String accessToken(String sub) {
    return sign(accessClaims(sub));
  }

  /** The claims of a valid Cognito access token, to be changed by a test before signing. */
  public static Map<String, Object> accessClaims(String sub) {
    Map<String, Object> claims =
        new LinkedHashMap<>(
            KEYS.accessTokenClaims(
                sub, "user-" + sub, List.of(REQUIRED_GROUP), Instant.now(), 600));
    claims.put("iss", ISSUER);
    claims.put("client_id", CLIENTS.get(0));
    return claims;
  }

  /** The claims of a valid Cognito ID token (aud = client id, cognito:username). */
  public static Map<String, Object> idClaims(String sub) {
    Map<String, Object> claims = accessClaims(sub);
    claims.remove("client_id");
    claims.remove("scope");
    claims.remove("username");
    claims.put("aud", CLIENTS.get(CLIENTS.size() - 1));
    claims.put("token_use", "id");
    claims.put("cognito:username", "user-" + sub);
    claims.put("email", sub + "@example.com");
    return claims;
  }

  public static String sign(Map<String, Object> claims) {
    try {
      return KEYS.sign(claims);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs a header and claims given as JSON text, exactly as written, with the issuer's key. */
  public static String signJson(String header, String claims) {
    try {
      return DevIssuer.signJson(header, claims, KEYS.privateKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static DevIssuer keys() {
    return KEYS;
  }

  public static String newUser() {
    return UUID.randomUUID().toString();
  }
}
