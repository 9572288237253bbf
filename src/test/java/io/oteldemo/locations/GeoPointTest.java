package io.oteldemo.locations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {

  private static final double EARTH_RADIUS_KM = 6371.0;
  private static final GeoPoint HOME = new GeoPoint(40.736097, -74.039373);
  private static final GeoPoint MIDTOWN = new GeoPoint(40.7527, -73.9772);

  /** Spherical law of cosines: an arrangement independent of the haversine under test. */
  private static double lawOfCosinesKm(GeoPoint a, GeoPoint b) {
    double phi1 = Math.toRadians(a.latitude());
    double phi2 = Math.toRadians(b.latitude());
    double deltaLambda = Math.toRadians(b.longitude() - a.longitude());
    double cosAngle =
        Math.sin(phi1) * Math.sin(phi2) + Math.cos(phi1) * Math.cos(phi2) * Math.cos(deltaLambda);
    return EARTH_RADIUS_KM * Math.acos(Math.max(-1, Math.min(1, cosAngle)));
  }

  /** Chord through the sphere between the two points as 3-D vectors, turned into an arc. */
  private static double chordArcKm(GeoPoint a, GeoPoint b) {
    double[] u = unitVector(a);
    double[] v = unitVector(b);
    double dx = u[0] - v[0];
    double dy = u[1] - v[1];
    double dz = u[2] - v[2];
    double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
    return EARTH_RADIUS_KM * 2 * Math.asin(Math.min(1, chord / 2));
  }

  private static double[] unitVector(GeoPoint p) {
    double lat = Math.toRadians(p.latitude());
    double lon = Math.toRadians(p.longitude());
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }

  @Test
  void distanceFromAPointToItselfIsZero() {
    assertEquals(0.0, HOME.distanceKmTo(HOME), 0.0, "home to home must be exactly 0 km");
  }

  @Test
  void homeToMidtownMatchesIndependentFormulas() {
    double actual = HOME.distanceKmTo(MIDTOWN);
    assertEquals(
        lawOfCosinesKm(HOME, MIDTOWN),
        actual,
        1e-6,
        "home -> Midtown should equal the spherical law of cosines on R = 6371 km");
    assertEquals(
        chordArcKm(HOME, MIDTOWN),
        actual,
        1e-6,
        "home -> Midtown should equal the chord-based arc on R = 6371 km");
    assertTrue(actual > 5.5 && actual < 5.6, "home -> Midtown is about 5.5 km, was " + actual);
  }

  @Test
  void distanceIsSymmetric() {
    assertEquals(
        HOME.distanceKmTo(MIDTOWN),
        MIDTOWN.distanceKmTo(HOME),
        1e-12,
        "distance a -> b should equal b -> a");
  }

  @Test
  void oneDegreeOfLongitudeOnTheEquatorIsAnArcOfOneDegreeOnRadius6371() {
    double expected = EARTH_RADIUS_KM * Math.PI / 180;
    assertEquals(
        expected,
        new GeoPoint(0, 0).distanceKmTo(new GeoPoint(0, 1)),
        1e-9,
        "1 degree on the equator should be R * pi / 180 with R = 6371 km");
  }

  @Test
  void antipodesAndPolesAreHalfACircumferenceApart() {
    double halfCircumference = EARTH_RADIUS_KM * Math.PI;
    assertEquals(
        halfCircumference,
        new GeoPoint(0, 0).distanceKmTo(new GeoPoint(0, 180)),
        1e-9,
        "(0,0) -> (0,180) should be pi * R");
    assertEquals(
        halfCircumference,
        new GeoPoint(90, 0).distanceKmTo(new GeoPoint(-90, 0)),
        1e-9,
        "north pole -> south pole should be pi * R");
  }

  @Test
  void crossingTheAntimeridianTakesTheShortWay() {
    double expected = EARTH_RADIUS_KM * Math.toRadians(2);
    assertEquals(
        expected,
        new GeoPoint(0, 179).distanceKmTo(new GeoPoint(0, -179)),
        1e-9,
        "179E -> 179W on the equator should be 2 degrees of arc, not 358");
  }

  @ParameterizedTest(name = "lat {0}, lon {1} is accepted")
  @CsvSource({"90, 180", "-90, -180", "0, 0", "40.736097, -74.039373"})
  void acceptsBoundaryAndOrdinaryPositions(double lat, double lon) {
    GeoPoint point = new GeoPoint(lat, lon);
    assertEquals(lat, point.latitude(), 0.0, "latitude should be kept as given");
    assertEquals(lon, point.longitude(), 0.0, "longitude should be kept as given");
  }

  @ParameterizedTest(name = "lat {0}, lon {1} is rejected")
  @CsvSource({
    "90.000001, 0",
    "-90.5, 0",
    "0, 180.000001",
    "0, -181",
    "NaN, 0",
    "0, NaN",
    "Infinity, 0",
    "0, -Infinity"
  })
  void rejectsPositionsOutsideTheGlobe(double lat, double lon) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GeoPoint(lat, lon),
            "lat " + lat + ", lon " + lon + " should be rejected");
    assertTrue(
        e.getMessage().contains("Not a position"),
        "message should say it is not a position, was: " + e.getMessage());
  }
}
