package io.oteldemo.devissuer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local development issuer: a Cognito-shaped token issuer for machines without an AWS account.
 * Its RSA key pair is generated on the developer's machine, into a folder that is never committed
 * nor packaged; the server trusts its JWKS only through the local run's settings. Run as a
 * single-file program:
 *
 * <pre>
 *   java src/dev/java/io/oteldemo/devissuer/DevIssuer.java init .dev-issuer
 *   java src/dev/java/io/oteldemo/devissuer/DevIssuer.java token [--sub S] [--username U]
 *       [--groups a,b] [--ttl SECONDS] [--dir .dev-issuer]
 *   java src/dev/java/io/oteldemo/devissuer/DevIssuer.java tokens --count N --out FILE
 *       [--groups a,b] [--ttl SECONDS] [--dir .dev-issuer]
 * </pre>
 *
 * {@code tokens} writes N tokens of N distinct users (a new {@code sub} each), one per line, for
 * load tests whose virtual users must each have limits of their own. The integration tests use the
 * same class to make their own issuer and to sign tokens.
 */
public final class DevIssuer {

  /** The issuer claim of development tokens; the local run's mp.jwt.verify.issuer. */
  public static final String ISSUER = "https://cognito-idp.local.otel-demo.dev/local_devpool";

  /** The app client id of development tokens; the local run's COGNITO_CLIENT_ID. */
  public static final String CLIENT_ID = "oteldemolocalclient";

  static final String PRIVATE_KEY_FILE = "private-key.der";
  static final String JWKS_FILE = "jwks.json";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey privateKey;
  private final RSAPublicKey publicKey;
  private final String keyId;

  private DevIssuer(PrivateKey privateKey, RSAPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = thumbprint(publicKey);
  }

  public static void main(String[] args) throws IOException, GeneralSecurityException {
    if (args.length >= 1 && args[0].equals("init")) {
      Path dir = Path.of(args.length > 1 ? args[1] : ".dev-issuer");
      DevIssuer issuer = openOrCreate(dir);
      System.out.println(
          "Development issuer key " + issuer.keyId() + " in " + dir.toAbsolutePath());
    } else if (args.length >= 1 && (args[0].equals("token") || args[0].equals("tokens"))) {
      Map<String, String> options = options(args);
      Path dir = Path.of(options.getOrDefault("dir", ".dev-issuer"));
      if (!Files.exists(dir.resolve(PRIVATE_KEY_FILE))) {
        System.err.println(
            "No development issuer key in "
                + dir.toAbsolutePath()
                + ": run this"
                + " from the project folder after a build (./mvnw liberty:run makes the key), or"
                + " pass --dir");
        System.exit(1);
      }
      DevIssuer issuer = openOrCreate(dir);
      long ttl = Long.parseLong(options.getOrDefault("ttl", "3600"));
      List<String> groups =
          options.containsKey("groups") ? List.of(options.get("groups").split(",")) : List.of();
      if (args[0].equals("tokens")) {
        Path out = Path.of(options.getOrDefault("out", "tokens.txt"));
        int count = Integer.parseInt(options.getOrDefault("count", "10"));
        Files.write(out, issuer.distinctUserTokens(count, groups, Instant.now(), ttl));
        System.out.println(count + " tokens of distinct users in " + out.toAbsolutePath());
        return;
      }
      String sub = options.getOrDefault("sub", "11111111-2222-3333-4444-555555555555");
      System.out.println(
          issuer.sign(
              issuer.accessTokenClaims(
                  sub, options.getOrDefault("username", "dev-user"), groups, Instant.now(), ttl)));
    } else {
      System.err.println(
          "usage: DevIssuer init [DIR] | token [--sub S] [--username U]"
              + " [--groups a,b] [--ttl SECONDS] [--dir DIR] | tokens --count N --out FILE"
              + " [--groups a,b] [--ttl SECONDS] [--dir DIR]");
      System.exit(2);
    }
  }

  /**
   * Access tokens of {@code count} users, each with a new random {@code sub} (user name {@code
   * load-user-<i>}), so every holder has rate limits and jobs of their own.
   */
  public List<String> distinctUserTokens(
      int count, List<String> groups, Instant issuedAt, long ttlSeconds)
      throws GeneralSecurityException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, not " + count);
    }
    List<String> tokens = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      tokens.add(
          sign(
              accessTokenClaims(
                  UUID.randomUUID().toString(), "load-user-" + i, groups, issuedAt, ttlSeconds)));
    }
    return tokens;
  }

  /** Loads the key pair in {@code dir}, generating it (and its JWKS) on first use. */
  public static DevIssuer openOrCreate(Path dir) throws IOException, GeneralSecurityException {
    Path keyFile = dir.resolve(PRIVATE_KEY_FILE);
    if (!Files.exists(keyFile)) {
      Files.createDirectories(dir);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.write(keyFile, pair.getPrivate().getEncoded());
      DevIssuer issuer = new DevIssuer(pair.getPrivate(), (RSAPublicKey) pair.getPublic());
      Files.writeString(dir.resolve(JWKS_FILE), issuer.jwks());
      return issuer;
    }
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey key =
        (RSAPrivateCrtKey)
            rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
    RSAPublicKey publicKey =
        (RSAPublicKey)
            rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    DevIssuer issuer = new DevIssuer(key, publicKey);
    if (!Files.exists(dir.resolve(JWKS_FILE))) {
      Files.writeString(dir.resolve(JWKS_FILE), issuer.jwks());
    }
    return issuer;
  }

  public String keyId() {
    return keyId;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** The claims of a Cognito access token (no aud; client_id, token_use=access, username). */
  public Map<String, Object> accessTokenClaims(
      String sub, String username, List<String> groups, Instant issuedAt, long ttlSeconds) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", sub);
    if (!groups.isEmpty()) {
      claims.put("cognito:groups", groups);
    }
    claims.put("iss", ISSUER);
    claims.put("client_id", CLIENT_ID);
    claims.put("origin_jti", UUID.randomUUID().toString());
    claims.put("event_id", UUID.randomUUID().toString());
    claims.put("token_use", "access");
    claims.put("scope", "aws.cognito.signin.user.admin");
    claims.put("auth_time", issuedAt.getEpochSecond());
    claims.put("exp", issuedAt.getEpochSecond() + ttlSeconds);
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("username", username);
    return claims;
  }

  /** Signs the claims with RS256 and this issuer's key id. */
  public String sign(Map<String, Object> claims) throws GeneralSecurityException {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", keyId);
    header.put("alg", "RS256");
    return sign(header, claims, privateKey);
  }

  /** Signs any header and claims with RS256 and the given key, e.g. another issuer's. */
  public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key)
      throws GeneralSecurityException {
    return signJson(Json.write(header), Json.write(claims), key);
  }

  /**
   * Signs a header and claims given as JSON text, exactly as written (a member twice, a value of an
   * unusual type), with RS256 and the given key.
   */
  public static String signJson(String header, String claims, PrivateKey key)
      throws GeneralSecurityException {
    String signingInput = encode(header) + "." + encode(claims);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public static String part(Map<String, Object> json) {
    return encode(Json.write(json));
  }

  /** The JSON text as its claims or header would appear in a token. */
  public static String json(Map<String, Object> json) {
    return Json.write(json);
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private String jwks() {
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("kid", keyId);
    jwk.put("n", unsigned(publicKey.getModulus()));
    jwk.put("e", unsigned(publicKey.getPublicExponent()));
    return Json.write(Map.of("keys", List.of(jwk)));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    return BASE64URL.encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
  }

  /** A stable key id: the SHA-256 of the public key, shortened. */
  private static String thumbprint(RSAPublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return BASE64URL.encodeToString(digest).substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** The few JSON shapes tokens need (strings, numbers, lists, maps), without a library. */
  static final class Json {
    private Json() {}

    static String write(Object value) {
      if (value instanceof Map<?, ?> map) {
        List<String> members = new ArrayList<>();
        map.forEach((k, v) -> members.add(string(k.toString()) + ":" + write(v)));
        return "{" + String.join(",", members) + "}";
      }
      if (value instanceof Collection<?> collection) {
        List<String> items = new ArrayList<>();
        collection.forEach(item -> items.add(write(item)));
        return "[" + String.join(",", items) + "]";
      }
      if (value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      return value == null ? "null" : string(value.toString());
    }

    private static String string(String text) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.append('"').toString();
    }
  }
}
