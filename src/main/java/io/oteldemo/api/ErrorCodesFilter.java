package io.oteldemo.api;

import io.oteldemo.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Lists {@link ErrorCode}'s names as the values of the error body's {@code code} in the OpenAPI
 * document, so that a new code is documented the moment it exists; a list written by hand in an
 * annotation would drift. Registered with {@code mp.openapi.filter}.
 */
public class ErrorCodesFilter implements OASFilter {

  /** The OpenAPI name of {@link ErrorBody.Error}'s schema. */
  static final String ERROR_SCHEMA = "Error";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    Optional.ofNullable(openApi.getComponents())
        .map(components -> components.getSchemas())
        .map(schemas -> schemas.get(ERROR_SCHEMA))
        .map(error -> error.getProperties())
        .map(properties -> properties.get("code"))
        .ifPresent(code -> code.setEnumeration(names()));
  }

  private static List<Object> names() {
    return Arrays.stream(ErrorCode.values()).map(code -> (Object) code.name()).toList();
  }
}
