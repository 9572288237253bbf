package io.oteldemo.locations;

/** A position in decimal degrees (WGS 84). */
public record GeoPoint(double latitude, double longitude) {

  private static final double EARTH_RADIUS_KM = 6371.0;

  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "Not a position: latitude " + latitude + ", longitude " + longitude);
    }
  }

  /** Great-circle (haversine) distance, with the same earth radius as otel-worker. */
  public double distanceKmTo(GeoPoint other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double deltaPhi = Math.toRadians(other.latitude - latitude);
    double deltaLambda = Math.toRadians(other.longitude - longitude);
    double a =
        Math.sin(deltaPhi / 2) * Math.sin(deltaPhi / 2)
            + Math.cos(phi1)
                * Math.cos(phi2)
                * Math.sin(deltaLambda / 2)
                * Math.sin(deltaLambda / 2);
    return EARTH_RADIUS_KM * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
