package io.oteldemo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldemo.devissuer.DevIssuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed by the issuer that Liberty's MicroProfile JWT refuses (header parameters it does
 * not understand, members twice, claims of the wrong type, the edges of the clock skew, a subject
 * with a control character): the gate refuses each first, saying why, so Liberty never sees one and
 * no log holds any of them. A token Liberty refused after the gate let it through would be answered
 * "The token is not accepted", and Liberty would have written it to its logs.
 */
public class TokenAgreementIT {

  private static final String WHOAMI = "/api/whoami";
  private static final long SKEW = 60;

  @Test
  void everyTokenLibertyRefusesIsRefusedByTheGateAndNoneIsLogged() {
    Map<String, Refused> tokens = refusedByLiberty();
    int before = ServerLogs.messages().size();

    List<String> findings = new ArrayList<>();
    tokens.forEach(
        (name, refused) -> {
          ApiClient.Answer answer = ApiClient.withToken(refused.token()).get(WHOAMI);
          String message =
              answer.status() == 401
                  ? answer.json().getJsonObject("error").getString("message")
                  : "";
          if (!message.contains(refused.reason())) {
            findings.add(
                name + ": expected a 401 saying '" + refused.reason() + "', got " + answer);
          }
        });
    String marker = ServerLogs.awaitMarker();
    List<ServerLogs.LogFile> logs = ServerLogs.all();
    tokens.forEach(
        (name, refused) -> {
          String[] parts = refused.token().split("\\.");
          for (ServerLogs.LogFile log : logs) {
            if (log.text().contains(parts[2]) || log.text().contains(parts[0] + "." + parts[1])) {
              findings.add(name + ": the token is in " + log.path().getFileName());
            }
          }
        });
    ServerLogs.messages().stream()
        .skip(before)
        .filter(line -> !line.contains(marker))
        .filter(line -> line.contains("CWWKS") || line.contains("FFDC1015I"))
        .forEach(line -> findings.add("a security message or FFDC incident: " + line));

    assertEquals(
        List.of(), findings, "every token Liberty refuses is refused by the gate, quietly");
  }

  /** A token and what the gate's refusal should say. */
  private record Refused(String token, String reason) {}

  private static Map<String, Refused> refusedByLiberty() {
    String header = "{\"kid\":\"" + TestTokens.keys().keyId() + "\",\"alg\":\"RS256\"";
    long now = Instant.now().getEpochSecond();
    Map<String, Refused> tokens = new LinkedHashMap<>();
    tokens.put(
        "crit naming an unknown header", headed(header + ",\"crit\":[\"x\"],\"x\":1}", "header"));
    tokens.put("crit naming a claim", headed(header + ",\"crit\":[\"exp\"]}", "header"));
    tokens.put("b64 false", headed(header + ",\"b64\":false}", "malformed"));
    tokens.put(
        "b64 false marked critical",
        headed(header + ",\"b64\":false,\"crit\":[\"b64\"]}", "malformed"));
    tokens.put("cty JWT", headed(header + ",\"cty\":\"JWT\"}", "malformed"));
    tokens.put("alg twice", headed(header + ",\"alg\":\"RS256\"}", "malformed"));
    tokens.put(
        "kid twice",
        headed(header + ",\"kid\":\"" + TestTokens.keys().keyId() + "\"}", "malformed"));
    tokens.put(
        "sub twice", new Refused(signed(header + "}", claims() + ",\"sub\":\"x\"}"), "malformed"));
    tokens.put("nbf as a string", claimed(header, ",\"nbf\":\"" + (now - 60) + "\"", "claim"));
    tokens.put("aud as a number", claimed(header, ",\"aud\":123", "aud"));
    tokens.put("jti as a number", claimed(header, ",\"jti\":5", "claim"));
    tokens.put(
        "iat equal to exp",
        claimed(header, ",\"iat\":" + (now + 30) + ",\"exp\":" + (now + 30), "exp not after iat"));
    // F11: Liberty refuses once now - skew reaches exp, and reads its clock after the gate. (The
    // edge of nbf moves the other way as time passes; TokenAgreementTest holds it at a fixed time.)
    tokens.put("exp the clock skew behind", claimed(header, ",\"exp\":" + (now - SKEW), "expired"));
    tokens.put(
        "exp a second inside the clock skew",
        claimed(header, ",\"exp\":" + (now - SKEW + 1), "expired"));
    // F12: the subject becomes Liberty's user id, which must not hold a control character.
    tokens.put("a newline in sub", claimed(header, ",\"sub\":\"a\\nb\"", "control character"));
    tokens.put("a tab in sub", claimed(header, ",\"sub\":\"a\\tb\"", "control character"));
    return tokens;
  }

  /** A valid token of a new user with this header. */
  private static Refused headed(String header, String reason) {
    return new Refused(signed(header, claims() + "}"), reason);
  }

  /** A valid token of a new user whose claims named in {@code members} (JSON text) are these. */
  private static Refused claimed(String header, String members, String reason) {
    String claims = claims();
    Matcher name = Pattern.compile("\"([^\"]+)\":").matcher(members);
    while (name.find()) {
      claims = withoutClaim(claims, name.group(1));
    }
    return new Refused(signed(header + "}", claims + members + "}"), reason);
  }

  /** The claims of a valid access token of a new user, as JSON text without its closing brace. */
  private static String claims() {
    String claims = DevIssuer.json(TestTokens.accessClaims(TestTokens.newUser()));
    return claims.substring(0, claims.length() - 1);
  }

  private static String withoutClaim(String claims, String name) {
    String member = "\"" + Pattern.quote(name) + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|-?\\d+)";
    return claims.replaceAll(",?" + member, "").replaceFirst("^\\{,", "{");
  }

  private static String signed(String header, String claims) {
    return TestTokens.signJson(header, claims);
  }
}
