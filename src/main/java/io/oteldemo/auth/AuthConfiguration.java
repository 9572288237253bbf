package io.oteldemo.auth;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The authentication settings, checked as a whole: a missing or malformed region, user pool or
 * client id is reported with every problem at once, so the application refuses to start rather than
 * accept tokens loosely.
 */
public record AuthConfiguration(
    String issuer,
    String jwksLocation,
    Set<String> clientIds,
    Set<TokenUse> tokenUses,
    Optional<String> requiredGroup,
    Duration clockSkew) {

  static final String AWS_REGION = "AWS_REGION";
  static final String USER_POOL = "COGNITO_USER_POOL_ID";
  static final String CLIENT_ID = "COGNITO_CLIENT_ID";
  static final String TOKEN_USE = "AUTH_TOKEN_USE";
  static final String REQUIRED_GROUP = "AUTH_REQUIRED_GROUP";
  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String JWKS = "AUTH_JWKS_LOCATION";

  /**
   * How far a token's times may be off: server.xml's variable, which MicroProfile JWT's {@code
   * clockSkew} reads too, so that the gate and Liberty agree (no default here: server.xml's).
   */
  static final String CLOCK_SKEW = "AUTH_CLOCK_SKEW";

  /** The longest clock skew accepted: a larger one would mostly lengthen a stolen token's life. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern POOL =
      Pattern.compile("(?<region>[a-z]{2}(-[a-z]+)+-\\d{1,2})_[A-Za-z0-9]+");
  private static final Pattern CLIENT = Pattern.compile("[\\w+]{1,128}");

  /** Whole minutes and seconds, in the form Liberty's durations take: 60s, 2m, 1m30s. */
  private static final Pattern DURATION =
      Pattern.compile("(?:(?<m>\\d{1,3})m)?(?:(?<s>\\d{1,4})s)?");

  /** The two kinds of Cognito tokens. */
  public enum TokenUse {
    ACCESS("access"),
    ID("id");

    private final String claimValue;

    TokenUse(String claimValue) {
      this.claimValue = claimValue;
    }

    String claimValue() {
      return claimValue;
    }
  }

  /**
   * Reads and checks the settings.
   *
   * @param setting a property's value, empty when unset or unresolvable
   * @throws IllegalStateException naming every problem
   */
  public static AuthConfiguration from(Function<String, Optional<String>> setting) {
    List<String> problems = new ArrayList<>();
    Optional<String> region = setting.apply(AWS_REGION);
    Optional<String> pool = setting.apply(USER_POOL);
    region
        .filter(value -> !REGION.matcher(value).matches())
        .ifPresent(
            value ->
                problems.add(
                    AWS_REGION + " '" + value + "' is not an AWS region such as us-east-1"));
    pool.ifPresent(value -> checkPool(value, region, problems));
    Optional<String> issuer = setting.apply(ISSUER);
    Optional<String> jwks = setting.apply(JWKS);
    if (issuer.isEmpty() || jwks.isEmpty()) {
      problems.add(
          "no token issuer: set "
              + AWS_REGION
              + " and "
              + USER_POOL
              + " (or MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_PUBLICKEY_LOCATION)");
    }
    issuer
        .filter(value -> !isAbsoluteUri(value, "https", "http"))
        .ifPresent(
            value -> problems.add("MP_JWT_VERIFY_ISSUER '" + value + "' is not an http(s) URL"));
    jwks.filter(value -> !isAbsoluteUri(value, "https", "http", "file"))
        .ifPresent(
            value ->
                problems.add(
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION '"
                        + value
                        + "' is not an https:, http: or file: URL"));
    Set<String> clientIds = list(setting.apply(CLIENT_ID));
    if (clientIds.isEmpty()) {
      problems.add(CLIENT_ID + " is not set: name the app client id(s) whose tokens are accepted");
    }
    clientIds.stream()
        .filter(id -> !CLIENT.matcher(id).matches())
        .forEach(id -> problems.add(CLIENT_ID + " '" + id + "' is not a Cognito app client id"));
    Set<TokenUse> tokenUses = tokenUses(setting.apply(TOKEN_USE).orElse("access,id"), problems);
    Optional<Duration> clockSkew = clockSkew(setting.apply(CLOCK_SKEW), problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Authentication is misconfigured: " + String.join("; ", problems));
    }
    return new AuthConfiguration(
        issuer.orElseThrow(),
        jwks.orElseThrow(),
        clientIds,
        tokenUses,
        setting.apply(REQUIRED_GROUP).map(String::trim).filter(group -> !group.isEmpty()),
        clockSkew.orElseThrow());
  }

  private static Optional<Duration> clockSkew(Optional<String> value, List<String> problems) {
    if (value.isEmpty()) {
      problems.add(CLOCK_SKEW + " is not set (server.xml gives it a default)");
      return Optional.empty();
    }
    Matcher matcher = DURATION.matcher(value.get().trim());
    if (!value.get().isBlank() && matcher.matches()) {
      Duration skew =
          Duration.ofMinutes(Long.parseLong(Optional.ofNullable(matcher.group("m")).orElse("0")))
              .plusSeconds(Long.parseLong(Optional.ofNullable(matcher.group("s")).orElse("0")));
      if (skew.compareTo(MAX_CLOCK_SKEW) <= 0) {
        return Optional.of(skew);
      }
    }
    problems.add(
        CLOCK_SKEW
            + " '"
            + value.get()
            + "' is not a clock skew such as 60s, 2m or 1m30s, at most 5m");
    return Optional.empty();
  }

  private static void checkPool(String value, Optional<String> region, List<String> problems) {
    Matcher matcher = POOL.matcher(value);
    if (!matcher.matches()) {
      problems.add(USER_POOL + " '" + value + "' is not a user pool id such as us-east-1_AbC123");
    } else if (region.isPresent() && !region.get().equals(matcher.group("region"))) {
      problems.add(USER_POOL + " '" + value + "' is not in " + AWS_REGION + " " + region.get());
    }
  }

  private static Set<TokenUse> tokenUses(String value, List<String> problems) {
    Set<TokenUse> uses = new LinkedHashSet<>();
    for (String use : list(Optional.of(value))) {
      Arrays.stream(TokenUse.values())
          .filter(kind -> kind.claimValue().equals(use))
          .findFirst()
          .ifPresentOrElse(
              uses::add, () -> problems.add(TOKEN_USE + " '" + use + "' is neither access nor id"));
    }
    if (uses.isEmpty()) {
      problems.add(TOKEN_USE + " must name access, id or both");
    }
    return uses;
  }

  private static Set<String> list(Optional<String> value) {
    return value.stream()
        .flatMap(text -> Arrays.stream(text.split(",")))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static boolean isAbsoluteUri(String value, String... schemes) {
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.isAbsolute()
          && Arrays.asList(schemes).contains(scheme)
          && (scheme.equals("file") || uri.getHost() != null);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
