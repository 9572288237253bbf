package io.oteldemo.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.oteldemo.distance.DistanceResource;
import io.oteldemo.download.DownloadResource;
import io.oteldemo.openapi.OpenApiDocumentResource;
import io.oteldemo.ratelimit.RateLimited;
import io.oteldemo.status.InfoResource;
import io.oteldemo.status.ServiceStatusResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gate decides by the resource JAX-RS matched: a resource method needs a token when it or its
 * class declares {@link TokenRequired}, whatever path led there. Every resource of the application
 * has decided, and everything rate limited is protected.
 */
class TokenRequiredTest {

  /**
   * The public resources, each decided as an attacker would: otel-ui's Dashboard reads /health and
   * /ready (up or down, nothing more), the OpenAPI document describes what is public anyway, and
   * the JWKS relay answers loopback callers only (Liberty's MicroProfile JWT).
   */
  private static final Set<Class<?>> PUBLIC =
      Set.of(
          ServiceStatusResource.class,
          InfoResource.class,
          OpenApiDocumentResource.class,
          JwksRelayResource.class);

  private static final List<Class<?>> RESOURCES =
      new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("io.oteldemo")
              .stream()
              .filter(type -> type.isAnnotatedWith(Path.class) && !type.isInterface())
              .map(JavaClass::reflect)
              .<Class<?>>map(type -> type)
              .toList();

  private static Stream<Method> resourceMethods(Class<?> resource) {
    return Arrays.stream(resource.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()))
        .filter(
            method ->
                method.isAnnotationPresent(Path.class)
                    || Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)));
  }

  @Test
  void everyResourceMethodOfAProtectedClassNeedsAToken() throws Exception {
    for (Class<?> resource :
        List.of(DistanceResource.class, DownloadResource.class, WhoAmIResource.class)) {
      assertTrue(resourceMethods(resource).count() > 0, resource + " should have resource methods");
      resourceMethods(resource)
          .forEach(
              method ->
                  assertTrue(
                      BearerTokenGate.needsToken(method),
                      () -> method + " should need a token, its class declares it"));
    }
  }

  @Test
  void aPublicResourceNeedsNoToken() throws Exception {
    assertFalse(BearerTokenGate.needsToken(ServiceStatusResource.class.getMethod("health")));
    assertFalse(BearerTokenGate.needsToken(JwksRelayResource.class.getMethod("keys")));
  }

  @Test
  void aMethodMayDeclareItAlone() throws Exception {
    assertTrue(BearerTokenGate.needsToken(Mixed.class.getMethod("secret")));
    assertFalse(BearerTokenGate.needsToken(Mixed.class.getMethod("open")));
  }

  @Test
  void aRequestMatchedToNoResourceMethodNeedsNone() {
    // The 404s and 405s of JAX-RS itself: answered as they are, token or not.
    assertFalse(BearerTokenGate.needsToken(null));
  }

  @Test
  void everyResourceHasDecidedWhetherItNeedsAToken() {
    Set<String> undecided = new TreeSet<>();
    for (Class<?> resource : RESOURCES) {
      boolean protectedResource = resourceMethods(resource).anyMatch(BearerTokenGate::needsToken);
      if (protectedResource == PUBLIC.contains(resource)) {
        undecided.add(resource.getName());
      }
    }

    assertTrue(RESOURCES.size() > PUBLIC.size(), "the application's resources should be found");
    assertEquals(
        Set.of(),
        undecided,
        "every resource either declares @TokenRequired or is one of the public ones listed here");
  }

  @Test
  void everyRateLimitedMethodNeedsAToken() {
    List<Method> limited =
        RESOURCES.stream()
            .flatMap(TokenRequiredTest::resourceMethods)
            .filter(method -> method.isAnnotationPresent(RateLimited.class))
            .toList();

    assertFalse(limited.isEmpty(), "the rate-limited methods should be found");
    limited.forEach(
        method ->
            assertTrue(
                BearerTokenGate.needsToken(method),
                () -> method + " is limited per user, so it must need a token"));
  }

  /** A resource with one protected method. */
  @Path("/mixed")
  public static class Mixed {
    @GET
    @TokenRequired
    public String secret() {
      return "";
    }

    @GET
    @Path("open")
    public String open() {
      return "";
    }
  }
}
