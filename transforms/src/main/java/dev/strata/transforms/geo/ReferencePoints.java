package dev.strata.transforms.geo;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Named positions (a ZIP code's centroid, a station, a depot) to find the nearest of: {@code nearest(lat, lon)}
 * gives the key of the closest point by great-circle distance and that distance, or nothing beyond a limit.
 *
 * <p>The points are sorted by latitude; a search starts at the query's latitude and walks outwards until the
 * latitude difference alone is farther than the best match, so it reads a band of points, not all of them.
 * Ties (two points at the same distance) go to the smaller key, so the answer never depends on input order.
 */
public final class ReferencePoints implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The mean Earth radius (IUGG), in km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE_LATITUDE = Math.PI * EARTH_RADIUS_KM / 180;

    /** One named position, in WGS 84 degrees. */
    public record Point(String key, double latitude, double longitude) implements Serializable {
        public Point {
            Objects.requireNonNull(key, "key is null");
            if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("point " + key + ": (" + latitude + ", " + longitude
                        + ") is not a latitude and longitude in degrees");
            }
        }
    }

    /** The nearest point's key and its distance in km. */
    public record Match(String key, double distanceKm) {
    }

    private final String name;
    private final String[] keys;
    private final double[] latitudes;
    private final double[] longitudes;

    public ReferencePoints(String name, List<Point> points) {
        this.name = Objects.requireNonNull(name, "name is null");
        Point[] sorted = points.toArray(Point[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(Point::latitude).thenComparing(Point::key));
        keys = new String[sorted.length];
        latitudes = new double[sorted.length];
        longitudes = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            keys[i] = sorted[i].key();
            latitudes[i] = sorted[i].latitude();
            longitudes[i] = sorted[i].longitude();
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return keys.length;
    }

    /**
     * The point nearest to a position if one lies within {@code maxKm}, else null (and null for a missing or
     * impossible position).
     */
    public Match nearest(Double latitude, Double longitude, double maxKm) {
        if (latitude == null || longitude == null || !(latitude >= -90 && latitude <= 90)
                || !(longitude >= -180 && longitude <= 180) || keys.length == 0) {
            return null;
        }
        int start = Arrays.binarySearch(latitudes, latitude);
        start = start >= 0 ? start : -start - 1;
        int best = -1;
        double bestKm = maxKm;
        // walk up and down from the query's latitude; a band is done once its latitude alone is too far
        for (int i = start; i < keys.length; i++) {
            if ((latitudes[i] - latitude) * KM_PER_DEGREE_LATITUDE > bestKm) {
                break;
            }
            double km = distanceKm(latitude, longitude, latitudes[i], longitudes[i]);
            if (km < bestKm || km == bestKm && best >= 0 && keys[i].compareTo(keys[best]) < 0) {
                best = i;
                bestKm = km;
            }
        }
        for (int i = start - 1; i >= 0; i--) {
            if ((latitude - latitudes[i]) * KM_PER_DEGREE_LATITUDE > bestKm) {
                break;
            }
            double km = distanceKm(latitude, longitude, latitudes[i], longitudes[i]);
            if (km < bestKm || km == bestKm && best >= 0 && keys[i].compareTo(keys[best]) < 0) {
                best = i;
                bestKm = km;
            }
        }
        return best < 0 ? null : new Match(keys[best], bestKm);
    }

    /** The great-circle (haversine) distance in km between two positions in degrees. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
