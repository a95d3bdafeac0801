package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Lakes built once per test JVM from a bundled pipeline and its committed sample, for the end-to-end classes
 * that only read them: a full pipeline runs once per suite, not once per class. A class that changes its lake
 * (new batches, a corrupted table) builds its own. The lakes live in one temporary folder, removed when the
 * JVM ends.
 */
final class SampleLakes {

    /** A lake and the CLI run that built it, whose output the classes check. */
    record Built(Path lake, CliRun run) {
    }

    private static Path root;
    private static Built serviceRequests;

    private SampleLakes() {
    }

    /**
     * {@code strata run --spec service_requests} over the committed 311 sample: raw, clean, quarantine,
     * curated and the views' batch layers. Readers only; it may be run again only with the same input (a
     * rerun of the same batch changes nothing).
     */
    static synchronized Built serviceRequests() {
        if (serviceRequests == null) {
            Path lake = folder().resolve("service_requests");
            CliRun run = CliRun.of("run", "--spec", "service_requests", "--lake", lake.toString(),
                    "--input", "service_requests=" + Repository.serviceRequestSample());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            serviceRequests = new Built(lake, run);
        }
        return serviceRequests;
    }

    private static Path folder() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("strata-sample-lakes");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path made = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made), "strata-sample-lakes-cleanup"));
        }
        return root;
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
