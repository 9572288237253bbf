package io.oteldemo.api;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.error.ValidationException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A request refused before JAX-RS could read it: its kind and the part of the request at fault.
 * {@link MalformedRequestFilter} finds it and leaves it as a request attribute; the JAX-RS error
 * path ({@link RefusedRequestFilter}, {@link ContainerErrorFilter}) turns it into an exception, so
 * that the exception mappers write the answer as they write every other one.
 */
record Refusal(Kind kind, String field) {

  /** The request attribute the refusal travels in, from the servlet filter to JAX-RS. */
  static final String ATTRIBUTE = Refusal.class.getName();

  static final String REFUSED_PATH_MESSAGE =
      "The request path has an encoded '/', '\\', '.' or '#' and is refused (path traversal)";

  /** What was wrong; its lower-case name is the {@code kind} of the refusal metric. */
  enum Kind {
    /** An Accept, Content-Type or Accept-Language header the JAX-RS runtime cannot parse. */
    MALFORMED_HEADER,
    /** A path whose percent-encoded bytes are not UTF-8. */
    MALFORMED_PATH,
    /** A path the web container refused itself (an encoded '/', '\', '.' or '#'). */
    REFUSED_PATH;

    String attributeValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static Refusal malformedHeader(String header) {
    return new Refusal(Kind.MALFORMED_HEADER, header);
  }

  static Refusal malformedPath() {
    return new Refusal(Kind.MALFORMED_PATH, "path");
  }

  static Refusal refusedPath() {
    return new Refusal(Kind.REFUSED_PATH, "path");
  }

  /** The answer: 400 with the field at fault; a header's value is never echoed. */
  ApiException exception(Object path) {
    return switch (kind) {
      case MALFORMED_HEADER ->
          new ValidationException(
              field, null, "The " + field + " header is malformed and cannot be read");
      case MALFORMED_PATH -> pathError("The request path is not UTF-8 once percent-decoded", path);
      case REFUSED_PATH -> pathError(REFUSED_PATH_MESSAGE, path);
    };
  }

  private static ApiException pathError(String message, Object path) {
    return new ApiException(
        ErrorCode.VALIDATION_ERROR,
        message,
        Map.of("field", "path", "value", String.valueOf(path)),
        OptionalLong.empty());
  }
}
