package io.oteldemo.deviceaccess;

import io.oteldemo.error.ValidationException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a device id is, in one place: the name the API takes a device by (calculations, location
 * reads) and the policy grants it by. Letters, digits and underscores, 1 to 64 of them, so an id is
 * also a safe folder name in the OwnTracks Recorder store.
 */
public final class DeviceIds {

  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

  private DeviceIds() {}

  /** Whether a text is a device id. */
  public static boolean isDeviceId(String value) {
    return value != null && DEVICE_ID.matcher(value).matches();
  }

  /**
   * An optional device id parameter: absent ({@code null}) is empty; anything else must be a device
   * id, the empty text included.
   *
   * @throws ValidationException naming the field
   */
  public static Optional<String> optional(String field, String value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!isDeviceId(value)) {
      throw new ValidationException(
          field, value, field + " must be 1-64 letters, digits or underscores");
    }
    return Optional.of(value);
  }
}
