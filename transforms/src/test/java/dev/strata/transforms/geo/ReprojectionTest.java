package dev.strata.transforms.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReprojectionTest {

    /**
     * Landmarks' WGS 84 positions and their California State Plane zone 5 coordinates in US survey feet
     * (EPSG:2229), the latter computed independently with PROJ 9 (pyproj, always_xy).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Los Angeles City Hall, 34.05352, -118.24293, 6488081.41, 1841948.06",
        "Santa Monica Pier, 34.00830, -118.49870, 6410525.64, 1825777.61",
        "Griffith Observatory, 34.11842, -118.30037, 6470753.04, 1865613.32",
        "LAX Theme Building, 33.94437, -118.40207, 6439718.06, 1802381.10",
    })
    void convertsStatePlaneFeetToDegreesAndBack(String place, double lat, double lon, double x, double y) {
        double[] degrees = Reprojection.of("EPSG:2229", "EPSG:4326").apply(x, y);
        // 1e-5 degrees is about a metre
        assertThat(degrees[0]).as(place + " longitude").isCloseTo(lon, within(1e-5));
        assertThat(degrees[1]).as(place + " latitude").isCloseTo(lat, within(1e-5));

        double[] feet = Reprojection.of("epsg:4326", "EPSG:2229").apply(lon, lat);
        assertThat(feet[0]).as(place + " easting").isCloseTo(x, within(3.0));
        assertThat(feet[1]).as(place + " northing").isCloseTo(y, within(3.0));
    }

    @Test
    void aMissingOrImpossibleCoordinateHasNoPosition() {
        Reprojection r = Reprojection.of("EPSG:2229", "EPSG:4326");
        assertThat(r.apply(null, 1841948.06)).isNull();
        assertThat(r.apply(6488081.41, null)).isNull();
        assertThat(r.apply(Double.NaN, 1841948.06)).isNull();
        assertThat(r.apply(Double.POSITIVE_INFINITY, 1.0)).isNull();
    }

    @Test
    void anUnknownSystemFailsWhenDeclaredNamingIt() {
        assertThatThrownBy(() -> Reprojection.of("EPSG:999999", "EPSG:4326"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown coordinate reference system 'EPSG:999999'");
        assertThatThrownBy(() -> Reprojection.of("EPSG:2229", "WGS84"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'WGS84'");
    }
}
