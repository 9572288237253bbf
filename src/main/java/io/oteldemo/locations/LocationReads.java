package io.oteldemo.locations;

import io.oteldemo.auth.CurrentUser;
import io.oteldemo.deviceaccess.DeviceAccess;
import io.oteldemo.deviceaccess.DeviceScope;
import io.oteldemo.telemetry.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads of the location store for the caller. A location is a person's whereabouts, so every read
 * of records goes through the device policy: a named device must be granted to one of the caller's
 * groups (403 otherwise), and a read without one covers only the granted devices. The store's
 * address is reported only when the operator opts in ({@code HEALTH_REPORT_TARGETS=true}), its path
 * never.
 */
@ApplicationScoped
public class LocationReads {

  private static final Logger LOG = Logger.getLogger(LocationReads.class.getName());

  @Inject LocationStore store;
  @Inject DeviceAccess deviceAccess;
  @Inject CurrentUser user;
  @Inject RequestTrace trace;

  @Inject
  @ConfigProperty(name = "HEALTH_REPORT_TARGETS")
  boolean reportTargets;

  /**
   * @throws LocationStoreUnavailableException when the store does not answer
   */
  public StoreStatusView status() {
    user.require();
    StoreStatus status = store.status();
    if (!status.connected()) {
      LOG.warning(() -> "The location store does not answer: " + store + " " + trace.logTag());
      throw new LocationStoreUnavailableException();
    }
    return StoreStatusView.of(status, reportTargets, trace.traceId());
  }

  /**
   * @throws io.oteldemo.auth.AccessDeniedException for a device none of the caller's groups grants
   * @throws LocationStoreUnavailableException when the store does not answer
   */
  public LocationListView list(LocationListRequest request) {
    Set<String> groups = user.require().groups();
    DeviceScope devices =
        request
            .deviceId()
            .map(
                device -> {
                  deviceAccess.checkRead(groups, device);
                  return DeviceScope.only(Set.of(device));
                })
            .orElseGet(() -> deviceAccess.readable(groups));
    LocationPage page =
        devices.isEmpty()
            ? new LocationPage(List.of(), 0)
            : page(
                new LocationQuery(
                    devices, request.sort(), request.order(), request.limit(), request.offset()));
    return LocationListView.of(request, page, trace.traceId());
  }

  private LocationPage page(LocationQuery query) {
    try {
      return store.page(query);
    } catch (LocationStoreException e) {
      // The cause names the store's folder or host: for the operator, never for the client.
      LOG.warning(
          () -> "The location store does not answer: " + e.getMessage() + " " + trace.logTag());
      throw new LocationStoreUnavailableException();
    }
  }
}
