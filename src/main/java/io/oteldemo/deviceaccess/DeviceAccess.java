package io.oteldemo.deviceaccess;

import io.oteldemo.auth.AccessDeniedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the operator's {@link DeviceAccessPolicy} to calculations and to reads of the location
 * store. The policy is read and checked once, as the application starts, so a malformed {@code
 * DEVICE_ACCESS} stops the deployment instead of letting everyone through; an unset one is
 * announced as a warning.
 */
@ApplicationScoped
public class DeviceAccess {

  private static final Logger LOG = Logger.getLogger(DeviceAccess.class.getName());

  @Inject
  @ConfigProperty(name = "DEVICE_ACCESS")
  Optional<String> setting;

  private DeviceAccessPolicy policy;

  @PostConstruct
  void load() {
    policy = DeviceAccessPolicy.parse(setting.orElse(""));
    if (policy.restricts()) {
      LOG.info(() -> "Device access by group: " + policy);
    } else {
      LOG.warning(
          DeviceAccessPolicy.SETTING
              + " is not set: every user may calculate every"
              + " device, and so read anyone's location history. Set it to grant devices by group.");
    }
  }

  /** Checks the policy as the application starts, so a bad one stops the deployment. */
  void checkAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  /**
   * Refuses (403, {@code details.device_id}) a calculation that none of the user's groups grants;
   * all devices at once ({@code deviceId} empty) need a group granted {@code *}.
   */
  public void checkCalculation(Set<String> groups, Optional<String> deviceId) {
    if (!policy.permits(groups, deviceId)) {
      throw new AccessDeniedException(
          deviceId
              .map(device -> "None of your groups may calculate device " + device)
              .orElse("None of your groups may calculate every device at once; name a device_id"),
          Map.of("device_id", deviceId.orElse(DeviceAccessPolicy.EVERY_DEVICE)));
    }
  }

  /**
   * Refuses (403, {@code details.device_id}) a read of a device none of the user's groups grants.
   */
  public void checkRead(Set<String> groups, String deviceId) {
    if (!policy.permits(groups, Optional.of(deviceId))) {
      throw new AccessDeniedException(
          "None of your groups may read device " + deviceId, Map.of("device_id", deviceId));
    }
  }

  /** The devices whose locations the user may read: what one of their groups grants. */
  public DeviceScope readable(Set<String> groups) {
    return policy.granted(groups);
  }
}
