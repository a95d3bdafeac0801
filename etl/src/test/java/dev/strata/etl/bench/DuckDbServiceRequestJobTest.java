package dev.strata.etl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB baseline does the bench's work on the bundled 311 sample: typed, checked, one row per case. */
class DuckDbServiceRequestJobTest {

    @TempDir
    Path dir;

    @Test
    void cleansTheSampleIntoValidRowsAndRejects() throws Exception {
        Path sample = Path.of("../data-samples/service_requests");
        Path input = Files.createDirectories(dir.resolve("in"));
        try (Stream<Path> files = Files.list(sample)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        assertThat(DuckDbServiceRequestJob.available()).isTrue();
        DuckDbServiceRequestJob.Counts counts = new DuckDbServiceRequestJob(2).run(input, dir.resolve("out"));
        // the engine keeps 19,808 of the sample's 20,000 records (167 quarantined, 25 duplicates) under more rules
        assertThat(counts.valid()).isBetween(19_700L, 19_990L);
        assertThat(counts.rejected()).isPositive();
        assertThat(dir.resolve("out/clean.parquet")).isRegularFile();
    }
}
