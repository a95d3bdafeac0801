package dev.strata.transforms.geo;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A conversion of positions from one coordinate reference system to another, by proj4j (the PROJ.4 library's
 * Java port) with the EPSG registry's definitions: e.g. {@code EPSG:2229} (NAD83 / California zone 5, US survey
 * feet) to {@code EPSG:4326} (WGS 84 longitude and latitude in degrees).
 *
 * <p>Axis order is PROJ's: x is the easting or the longitude, y the northing or the latitude, whatever the
 * EPSG registry says of the system's axes. Serializable: each JVM builds its own transform once per pair of
 * systems (proj4j's transforms are not thread-safe, so one per thread).
 */
public final class Reprojection implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final CRSFactory SYSTEMS = new CRSFactory();
    private static final Map<String, ThreadLocal<CoordinateTransform>> TRANSFORMS = new ConcurrentHashMap<>();

    private final String from;
    private final String to;

    private Reprojection(String from, String to) {
        this.from = from;
        this.to = to;
    }

    /**
     * The conversion between two systems named as {@code AUTHORITY:CODE} (e.g. {@code EPSG:2229}).
     *
     * @throws IllegalArgumentException when either system is not known, saying which
     */
    public static Reprojection of(String from, String to) {
        Reprojection r = new Reprojection(normalise(from), normalise(to));
        r.transform(); // a name that proj4j does not know fails here, not in a task
        return r;
    }

    private static String normalise(String name) {
        Objects.requireNonNull(name, "coordinate reference system is null");
        return name.strip().toUpperCase(Locale.ROOT);
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /**
     * The position in the target system, {@code {x, y}}; null when either coordinate is null or not finite, or
     * the position lies where the conversion is not defined.
     */
    public double[] apply(Double x, Double y) {
        if (x == null || y == null || !Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
        }
        ProjCoordinate out = new ProjCoordinate();
        try {
            transform().transform(new ProjCoordinate(x, y), out);
        } catch (Proj4jException e) {
            return null;
        }
        return Double.isFinite(out.x) && Double.isFinite(out.y) ? new double[] {out.x, out.y} : null;
    }

    private CoordinateTransform transform() {
        return TRANSFORMS.computeIfAbsent(from + ">" + to, k -> ThreadLocal.withInitial(() ->
                new CoordinateTransformFactory().createTransform(system(from), system(to)))).get();
    }

    private static CoordinateReferenceSystem system(String name) {
        try {
            return SYSTEMS.createFromName(name);
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException("unknown coordinate reference system '" + name
                    + "' (name one as AUTHORITY:CODE, e.g. EPSG:4326): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
