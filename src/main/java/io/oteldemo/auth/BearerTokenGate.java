package io.oteldemo.auth;

import io.oteldemo.error.ValidationException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authenticates every request JAX-RS has matched to a resource that declares {@link TokenRequired},
 * whatever spelling of its path brought it there (matrix parameters, an empty segment parameter):
 * the decision is made on the matched resource, never on the path's text. It runs after matching
 * and before every other filter of ours (authentication priority: before the rate limit, the
 * metrics filters and the resource, and so before the body is read or validated); a path that
 * routes nowhere is a 404 and a method the resource lacks a 405, token or not.
 *
 * <p>Liberty writes a token it refuses, signature included, into its messages and an FFDC file, so
 * a token Liberty would refuse must be refused here first: {@link TokenVerifier} checks it as
 * Liberty will, and the 401 says which check failed, without any of the token. Then MicroProfile
 * JWT, the authority, authenticates the request with it, and the claims the verifier read are
 * handed on (request property {@link #CLAIMS}) to {@link CognitoTokenFilter}. The API's URLs are
 * therefore not container-protected (web.xml).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerTokenGate implements ContainerRequestFilter {

  /** The request property that holds the verified token's {@link CognitoClaims}. */
  static final String CLAIMS = BearerTokenGate.class.getName() + ".claims";

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Context HttpServletResponse servletResponse;

  @Inject AuthSettings settings;
  @Inject JwksRelay jwks;

  /** By resource method: as many entries as the application has resource methods. */
  private static final Map<Method, Boolean> TOKEN_REQUIRED = new ConcurrentHashMap<>();

  private TokenVerifier verifier;

  /** The last key set read, with the JWKS text it was read from. */
  private volatile ParsedKeys parsed = new ParsedKeys("", null);

  @PostConstruct
  void init() {
    AuthConfiguration configuration = settings.configuration();
    verifier =
        new TokenVerifier(configuration.issuer(), configuration.clockSkew(), this::signingKeys);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!needsToken(resource.getResourceMethod())) {
      return;
    }
    CognitoClaims claims = verifier.verify(BearerCredentials.token(authorization()), Instant.now());
    if (!authenticated(claims)) {
      throw AuthenticationException.invalidToken(BearerCredentials.NOT_ACCEPTED);
    }
    request.setProperty(CLAIMS, claims);
  }

  /**
   * Whether the matched resource method, or its class, declares {@link TokenRequired}; decided once
   * per resource method (reading annotations was 3 % of a request's CPU).
   */
  static boolean needsToken(Method resourceMethod) {
    return resourceMethod != null
        && TOKEN_REQUIRED.computeIfAbsent(resourceMethod, BearerTokenGate::declaresTokenRequired);
  }

  private static boolean declaresTokenRequired(Method resourceMethod) {
    return resourceMethod.isAnnotationPresent(TokenRequired.class)
        || resourceMethod.getDeclaringClass().isAnnotationPresent(TokenRequired.class);
  }

  private String authorization() {
    List<String> authorizations =
        Collections.list(servletRequest.getHeaders(HttpHeaders.AUTHORIZATION));
    if (authorizations.size() > 1) {
      throw new ValidationException(
          HttpHeaders.AUTHORIZATION, null, "Send exactly one Authorization header");
    }
    return authorizations.isEmpty() ? null : authorizations.get(0);
  }

  /**
   * MicroProfile JWT, the authority, authenticates the request with the checked token, as the
   * subject the verifier read (asked once: each question about the principal searches the caller's
   * Subject).
   */
  private boolean authenticated(CognitoClaims claims) {
    try {
      return servletRequest.authenticate(servletResponse)
          && servletRequest.getUserPrincipal() instanceof JsonWebToken token
          && claims.subject().equals(token.getSubject());
    } catch (IOException | ServletException e) {
      return false;
    }
  }

  /**
   * The keys read last, while they know the key id; otherwise the relay's (which fetches again at
   * most once per cool-down), as Liberty and aws-jwt-verify refetch only for an unknown kid.
   */
  private SigningKeys signingKeys(String keyId) {
    ParsedKeys last = parsed;
    if (last.keys() != null && last.keys().knows(keyId)) {
      return last.keys();
    }
    String keys = jwks.keys();
    if (!keys.equals(last.source())) {
      last = new ParsedKeys(keys, SigningKeys.parse(keys));
      parsed = last;
    }
    return last.keys();
  }

  private record ParsedKeys(String source, SigningKeys keys) {}
}
