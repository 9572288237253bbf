package io.oteldemo.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reading of the sample OwnTracks store and an independent distance formula
 * (spherical law of cosines), to check what the server computed.
 */
final class SampleStore {

  static final double HOME_LAT = 40.736097;
  static final double HOME_LON = -74.039373;

  private SampleStore() {}

  record Point(String timestamp, double lat, double lon) {}

  static List<Point> locations(String user, String device, String day) {
    Path file =
        Path.of(
            System.getProperty("it.location.data.path", "sample-data/owntracks"),
            "rec",
            user,
            device,
            day.substring(0, 7) + ".rec");
    List<Point> points = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] parts = line.split("\t");
        if (parts.length == 3 && parts[1].trim().equals("*") && parts[0].startsWith(day)) {
          try (JsonReader reader = Json.createReader(new StringReader(parts[2]))) {
            JsonObject json = reader.readObject();
            points.add(
                new Point(
                    parts[0],
                    json.getJsonNumber("lat").doubleValue(),
                    json.getJsonNumber("lon").doubleValue()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return points;
  }

  static double kmFromHome(Point point) {
    double p1 = Math.toRadians(HOME_LAT);
    double p2 = Math.toRadians(point.lat());
    double dl = Math.toRadians(point.lon() - HOME_LON);
    double cos = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
    return 6371.0 * Math.acos(Math.min(1.0, Math.max(-1.0, cos)));
  }
}
