package io.oteldemo.auth;

import io.oteldemo.auth.AuthConfiguration.TokenUse;
import io.oteldemo.auth.CurrentUser.AuthenticatedUser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * The checks Cognito tokens need beyond what MicroProfile JWT did (signature, issuer, expiry): the
 * token kind ({@code token_use}), the app client it was issued to ({@code client_id} of an access
 * token, {@code aud} of an ID token) and the required group, as aws-jwt-verify does, on the claims
 * {@link BearerTokenGate} verified (and MicroProfile JWT authenticated as the same subject). Then
 * it publishes the user as {@link CurrentUser}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class CognitoTokenFilter implements ContainerRequestFilter {

  @Inject AuthSettings settings;
  @Inject CurrentUser currentUser;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(BearerTokenGate.CLAIMS) instanceof CognitoClaims claims) {
      currentUser.set(check(claims, settings.configuration()));
    }
  }

  static AuthenticatedUser check(CognitoClaims claims, AuthConfiguration configuration) {
    TokenUse use = tokenUse(claims, configuration);
    Set<String> clients =
        use == TokenUse.ACCESS
            ? claims.text("client_id").map(Set::of).orElse(Set.of())
            : claims.audience();
    if (Collections.disjoint(clients, configuration.clientIds())) {
      throw AuthenticationException.invalidToken("The token was issued to another client");
    }
    Set<String> groups = claims.groups();
    configuration
        .requiredGroup()
        .filter(group -> !groups.contains(group))
        .ifPresent(
            group -> {
              throw new AccessDeniedException("The user is not in the group this API requires");
            });
    String username =
        claims
            .text(use == TokenUse.ACCESS ? "username" : "cognito:username")
            .orElse(claims.subject());
    return new AuthenticatedUser(claims.subject(), username, groups, use);
  }

  private static TokenUse tokenUse(CognitoClaims claims, AuthConfiguration configuration) {
    Optional<String> claim = claims.text("token_use");
    for (TokenUse use : configuration.tokenUses()) {
      if (claim.isPresent() && use.claimValue().equals(claim.get())) {
        return use;
      }
    }
    throw AuthenticationException.invalidToken(
        "The token's token_use must be one of "
            + configuration.tokenUses().stream().map(TokenUse::claimValue).toList());
  }
}
