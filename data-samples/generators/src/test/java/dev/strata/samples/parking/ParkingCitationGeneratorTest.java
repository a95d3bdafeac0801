package dev.strata.samples.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.samples.CsvText;
import dev.strata.transforms.geo.Reprojection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParkingCitationGeneratorTest {

    @TempDir
    Path dir;

    private static List<List<String>> lines(Path file) throws IOException {
        List<List<String>> records = CsvText.records(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records.get(0)).isEqualTo(ParkingCitationGenerator.HEADER);
        return records.subList(1, records.size());
    }

    private List<Path> files(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesOneFileADayInTheOpenDataLayoutWithLateResentAndBrokenLinesCounted() throws IOException {
        ParkingCitationGenerator.Report report = new ParkingCitationGenerator(5, 0.01)
                .write(dir, 4, 500, ParkingCitationGenerator.DEFAULT_START);

        List<Path> files = files(dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "parking_citations_2024-03-04.csv", "parking_citations_2024-03-05.csv",
                "parking_citations_2024-03-06.csv", "parking_citations_2024-03-07.csv");
        List<List<String>> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(lines(f));
        }
        assertThat(all).hasSize((int) report.lines());
        assertThat(report.lines()).isEqualTo(4 * 500 + report.resent());
        assertThat(report.late()).isPositive();
        assertThat(report.resent()).isPositive();

        Map<String, Integer> copies = new HashMap<>();
        long broken = 0;
        long noFix = 0;
        Reprojection toDegrees = Reprojection.of("EPSG:2229", "EPSG:4326");
        for (List<String> r : all) {
            boolean ok = r.size() == 19 && !r.get(0).isEmpty() && r.get(16).matches("\\d+")
                    && Integer.parseInt(r.get(2)) % 100 < 60 && Integer.parseInt(r.get(2)) <= 2359;
            if (!ok) {
                broken++;
                continue;
            }
            copies.merge(r.get(0), 1, Integer::sum);
            assertThat(r.get(1)).matches("2024-03-0[4-7]T00:00:00\\.000");
            assertThat(r.get(2)).as("HHMM without leading zeros").matches("0|[1-9]\\d{0,3}");
            assertThat(r.get(8)).matches("[A-Z]{3,4}");
            if (r.get(17).equals("99999")) {
                assertThat(r.get(18)).isEqualTo("99999");
                noFix++;
            } else {
                double[] p = toDegrees.apply(Double.parseDouble(r.get(17)), Double.parseDouble(r.get(18)));
                assertThat(p[1]).as("latitude in Los Angeles").isBetween(33.6, 34.4);
                assertThat(p[0]).as("longitude in Los Angeles").isBetween(-118.7, -118.1);
            }
        }
        assertThat(broken).isEqualTo(report.broken()).isPositive();
        // a resent line repeats a citation of the day before: its ticket number appears twice
        assertThat(copies.values().stream().filter(n -> n == 2).count()).isBetween(1L, report.resent());
        assertThat(noFix).isPositive().isLessThanOrEqualTo(report.withoutPosition() + report.resent());
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        new ParkingCitationGenerator(9, 0.002).write(dir.resolve("a"), 2, 200, ParkingCitationGenerator.DEFAULT_START);
        new ParkingCitationGenerator(9, 0.002).write(dir.resolve("b"), 2, 200, ParkingCitationGenerator.DEFAULT_START);
        for (Path a : files(dir.resolve("a"))) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(a.getFileName()))).isEqualTo(Files.readAllBytes(a));
        }
    }

    @Test
    void refusesSizesOutsideItsLimits() {
        assertThatThrownBy(() -> new ParkingCitationGenerator(1, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParkingCitationGenerator(1, 0).write(dir, 0, 10,
                ParkingCitationGenerator.DEFAULT_START)).isInstanceOf(IllegalArgumentException.class);
    }
}
