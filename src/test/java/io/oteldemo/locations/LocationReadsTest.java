package io.oteldemo.locations;

import static io.oteldemo.locations.RecorderFiles.locationLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.auth.AccessDeniedException;
import io.oteldemo.auth.AuthConfiguration.TokenUse;
import io.oteldemo.auth.CurrentUser;
import io.oteldemo.deviceaccess.DeviceAccessTest;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.telemetry.RequestTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device policy on every read of records, and what the status tells. */
class LocationReadsTest {

  private static final String POLICY = "family=*;guests=phone_a";
  private static final LocationListRequest NEWEST =
      new LocationListRequest(Optional.empty(), LocationSort.CREATED_AT, SortOrder.DESC, 20, 0);

  private Path root;

  @BeforeEach
  void buildStore(@TempDir Path root) throws IOException {
    this.root = root;
    RecorderFiles files = new RecorderFiles(root);
    files.write(
        "alice/phone_a/2026-01",
        locationLine("2026-01-25T10:00:00Z", 40.1, -74.1, 10, 80, 5),
        locationLine("2026-01-25T11:00:00Z", 40.2, -74.2, 10, 79, 5));
    files.write("bob/phone_b/2026-01", locationLine("2026-01-25T12:00:00Z", 41, -73, 1, 2, 3));
  }

  private LocationReads reads(String policy, Set<String> groups, LocationStore store) {
    LocationReads reads = new LocationReads();
    reads.store = store;
    reads.deviceAccess = DeviceAccessTest.access(policy);
    reads.user = new GroupMember(groups);
    reads.trace = new RequestTrace();
    return reads;
  }

  private LocationReads reads(String policy, Set<String> groups) {
    return reads(policy, groups, new OwnTracksRecorderStore(root));
  }

  private static List<String> devices(LocationListView view) {
    return view.locations().stream().map(LocationView::deviceId).toList();
  }

  @Test
  void aListingWithoutADeviceHoldsOnlyTheGrantedDevices() {
    LocationListView guest = reads(POLICY, Set.of("guests")).list(NEWEST);
    assertEquals(List.of("phone_a", "phone_a"), devices(guest), "phone_b is not granted");
    assertEquals(2, guest.total(), "nor counted");

    LocationListView family = reads(POLICY, Set.of("family")).list(NEWEST);
    assertEquals(List.of("phone_b", "phone_a", "phone_a"), devices(family), "* grants all");
  }

  @Test
  void withoutAPolicyEveryUserReadsEveryDevice() {
    assertEquals(3, reads("", Set.of()).list(NEWEST).total());
  }

  @Test
  void aUserInNoGrantedGroupGetsAnEmptyPage() {
    LocationListView stranger = reads(POLICY, Set.of("strangers")).list(NEWEST);
    assertEquals(0, stranger.count());
    assertEquals(0, stranger.total());
  }

  @Test
  void anUngrantedDeviceIs403AndAGrantedOneIsRead() {
    LocationReads guest = reads(POLICY, Set.of("guests"));
    LocationListRequest phoneB =
        new LocationListRequest(
            Optional.of("phone_b"), LocationSort.CREATED_AT, SortOrder.DESC, 20, 0);

    AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> guest.list(phoneB));
    assertEquals(ErrorCode.FORBIDDEN, e.code());
    assertEquals(Map.of("device_id", "phone_b"), e.details());

    LocationListRequest phoneA =
        new LocationListRequest(Optional.of("phone_a"), LocationSort.BATTERY, SortOrder.ASC, 1, 1);
    LocationListView page = guest.list(phoneA);
    assertEquals(1, page.count());
    assertEquals(2, page.total());
    assertEquals(80, page.locations().get(0).battery(), "second by battery ascending");
    assertEquals("battery", page.sort());
    assertEquals("asc", page.order());
    assertEquals(1, page.limit());
    assertEquals(1, page.offset());
  }

  @Test
  void theStatusOfAConnectedStoreTellsNoHostOrPortUnlessAskedTo() {
    LocationStore withAddress = new AddressedStore(true);

    StoreStatusView hidden = reads("", Set.of(), withAddress).status();
    assertEquals("connected", hidden.status());
    assertEquals("owntracks", hidden.database());
    assertNull(hidden.host(), "no host without HEALTH_REPORT_TARGETS");
    assertNull(hidden.port(), "no port without HEALTH_REPORT_TARGETS");
    assertTrue(hidden.traceId().matches("[0-9a-f]{32}"), hidden.traceId());

    LocationReads opted = reads("", Set.of(), withAddress);
    opted.reportTargets = true;
    StoreStatusView shown = opted.status();
    assertEquals("db.internal", shown.host());
    assertEquals(5432, shown.port());
  }

  @Test
  void aStoreThatDoesNotAnswerIs503ForStatusAndListing() {
    LocationReads broken = reads("", Set.of(), new AddressedStore(false));
    assertEquals(
        ErrorCode.SERVICE_UNAVAILABLE,
        assertThrows(LocationStoreUnavailableException.class, broken::status).code());

    LocationReads missing = reads("", Set.of(), new OwnTracksRecorderStore(root.resolve("gone")));
    LocationStoreUnavailableException e =
        assertThrows(LocationStoreUnavailableException.class, () -> missing.list(NEWEST));
    assertEquals("The location store is unavailable", e.getMessage(), "no path in the answer");
  }

  /** The caller, in these groups. */
  private static final class GroupMember extends CurrentUser {
    private final Set<String> groups;

    GroupMember(Set<String> groups) {
      this.groups = groups;
    }

    @Override
    public AuthenticatedUser require() {
      return new AuthenticatedUser("sub-1", "user-1", groups, TokenUse.ACCESS);
    }
  }

  /** A store with a network address, as a database would have, that answers or not. */
  private record AddressedStore(boolean connected) implements LocationStore {
    @Override
    public StoreStatus status() {
      return new StoreStatus(
          connected, "owntracks", "16.4", Optional.of("db.internal"), OptionalInt.of(5432));
    }

    @Override
    public List<LocationRecord> locations(java.time.LocalDate day, Optional<String> deviceId) {
      return List.of();
    }

    @Override
    public LocationPage page(LocationQuery query) {
      return new LocationPage(List.of(), 0);
    }
  }
}
