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
import java.security.Principal;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The checks Cognito tokens need beyond what MicroProfile JWT did (signature, issuer, expiry): the
 * token kind ({@code token_use}), the app client it was issued to ({@code client_id} of an access
 * token, {@code aud} of an ID token) and the required group, as aws-jwt-verify does. Then it
 * publishes the user as {@link CurrentUser}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class CognitoTokenFilter implements ContainerRequestFilter {

  @Inject AuthSettings settings;
  @Inject CurrentUser currentUser;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal instanceof JsonWebToken token) {
      currentUser.set(check(token, settings.configuration()));
    }
  }

  static AuthenticatedUser check(JsonWebToken token, AuthConfiguration configuration) {
    CognitoClaims claims = CognitoClaims.of(token);
    TokenUse use = tokenUse(claims, configuration);
    Set<String> clients =
        use == TokenUse.ACCESS
            ? claims.text("client_id").map(Set::of).orElse(Set.of())
            : Optional.ofNullable(token.getAudience()).orElse(Set.of());
    if (Collections.disjoint(clients, configuration.clientIds())) {
      throw AuthenticationException.invalidToken("The token was issued to another client");
    }
    Set<String> groups = claims.texts(CognitoClaims.GROUPS);
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
            .orElse(token.getSubject());
    return new AuthenticatedUser(token.getSubject(), username, groups, use);
  }

  private static TokenUse tokenUse(CognitoClaims claims, AuthConfiguration configuration) {
    Optional<String> claim = claims.text("token_use");
    return configuration.tokenUses().stream()
        .filter(use -> claim.isPresent() && use.claimValue().equals(claim.get()))
        .findFirst()
        .orElseThrow(
            () ->
                AuthenticationException.invalidToken(
                    "The token's token_use must be one of "
                        + configuration.tokenUses().stream().map(TokenUse::claimValue).toList()));
  }
}
