package io.oteldemo.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** A request field or parameter that breaks a rule: 400 with {@code details {field,value}}. */
public class ValidationException extends ApiException {

  private static final long serialVersionUID = 1L;

  public ValidationException(String field, Object value, String message) {
    super(ErrorCode.VALIDATION_ERROR, message, fieldDetails(field, value), OptionalLong.empty());
  }

  private static Map<String, Object> fieldDetails(String field, Object value) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("field", field);
    details.put("value", value);
    return details;
  }
}
