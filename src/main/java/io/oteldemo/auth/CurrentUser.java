package io.oteldemo.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user of the request, in one place for filters and resources: the token's {@code
 * sub} (what rate limits and job ownership key on), its user name and groups.
 */
@RequestScoped
public class CurrentUser {

  private AuthenticatedUser user;

  void set(AuthenticatedUser user) {
    this.user = user;
  }

  /** Empty on public endpoints. */
  public Optional<AuthenticatedUser> get() {
    return Optional.ofNullable(user);
  }

  /** The user of an authenticated request; fails on a public one. */
  public AuthenticatedUser require() {
    return get().orElseThrow(() -> AuthenticationException.missingToken("Authentication required"));
  }

  /**
   * Who made the request: {@code sub}, user name ({@code username} or {@code cognito:username}).
   */
  public record AuthenticatedUser(
      String subject, String username, Set<String> groups, AuthConfiguration.TokenUse tokenUse) {}
}
