package dev.strata.transforms.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferencePointsTest {

    @Test
    void findsTheNearestPointWithinTheLimit() {
        ReferencePoints points = new ReferencePoints("zips", List.of(
                new ReferencePoints.Point("90012", 34.0614, -118.2385),
                new ReferencePoints.Point("90401", 34.0159, -118.4928),
                new ReferencePoints.Point("90045", 33.9630, -118.3940)));

        ReferencePoints.Match pier = points.nearest(34.00830, -118.49870, 5);
        assertThat(pier.key()).isEqualTo("90401");
        // the haversine distance between the two positions, by hand: 0.85 km
        assertThat(pier.distanceKm()).isCloseTo(ReferencePoints.distanceKm(34.00830, -118.49870, 34.0159, -118.4928),
                within(1e-9)).isBetween(0.9, 1.1);
        assertThat(points.nearest(33.94437, -118.40207, 5).key()).isEqualTo("90045");
        assertThat(points.nearest(33.94437, -118.40207, 1)).as("2.2 km away, beyond 1 km").isNull();
        assertThat(points.nearest(null, -118.4, 5)).isNull();
        assertThat(points.nearest(99.0, -118.4, 5)).isNull();
    }

    @Test
    void agreesWithAFullScanOnRandomPointsWhateverTheirOrder() {
        Random random = new Random(7);
        List<ReferencePoints.Point> list = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            list.add(new ReferencePoints.Point("p" + i, 33.5 + random.nextDouble(), -119 + random.nextDouble()));
        }
        ReferencePoints points = new ReferencePoints("random", list);
        List<ReferencePoints.Point> shuffled = new ArrayList<>(list);
        Collections.shuffle(shuffled, random);
        ReferencePoints again = new ReferencePoints("random", shuffled);
        for (int q = 0; q < 2000; q++) {
            double lat = 33.4 + random.nextDouble() * 1.2;
            double lon = -119.1 + random.nextDouble() * 1.2;
            ReferencePoints.Point best = null;
            double bestKm = Double.MAX_VALUE;
            for (ReferencePoints.Point p : list) {
                double km = ReferencePoints.distanceKm(lat, lon, p.latitude(), p.longitude());
                if (km < bestKm || km == bestKm && p.key().compareTo(best.key()) < 0) {
                    best = p;
                    bestKm = km;
                }
            }
            ReferencePoints.Match m = points.nearest(lat, lon, 50);
            assertThat(m.key()).isEqualTo(best.key());
            assertThat(m.distanceKm()).isCloseTo(bestKm, within(1e-9));
            assertThat(again.nearest(lat, lon, 50)).isEqualTo(m);
        }
    }

    @Test
    void aPointOutsideLatitudeAndLongitudeIsRefused() {
        assertThatThrownBy(() -> new ReferencePoints.Point("x", 118.2, 34.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point x");
    }
}
