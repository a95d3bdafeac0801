package dev.strata.etl.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.engine.EngineTestSession;
import dev.strata.samples.cdp.FebrlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FebrlEvaluationTest {

    /** Measured 0.9989 (2,000 entities, seed 7), less a margin. */
    private static final double F1_DEDUP = 0.99;
    /** Measured 0.9990 (2,000 entities, seed 7), less a margin. */
    private static final double F1_LINKAGE = 0.99;

    private final FebrlEvaluation evaluation = new FebrlEvaluation(EngineTestSession.get());

    @Test
    void deduplicatesOneFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("febrl_dedup.csv");
        new FebrlWriter(7).writeDedup(file, 2000, 5);

        FebrlEvaluation.Result result = evaluation.evaluate(List.of(file));

        System.out.println("FEBRL dedup: " + result);
        assertThat(result.mode()).isEqualTo("deduplication");
        assertThat(result.records()).isEqualTo(Files.lines(file).count() - 1);
        assertThat(result.pairsCompared()).isPositive();
        assertThat(result.scores().f1()).as(result.scores().toString()).isGreaterThan(F1_DEDUP);
    }

    @Test
    void linksTwoFilesOnlyAcrossThem(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("febrl_linkage_a.csv");
        Path b = dir.resolve("febrl_linkage_b.csv");
        new FebrlWriter(7).writeLinkage(a, b, 2000);

        FebrlEvaluation.Result result = evaluation.evaluate(List.of(a, b));

        System.out.println("FEBRL linkage: " + result);
        assertThat(result.mode()).isEqualTo("linkage");
        assertThat(result.records()).isEqualTo(4000);
        // every entity is once in each file: 2,000 true pairs, all across the files
        assertThat(result.scores().truePairs()).isEqualTo(2000);
        assertThat(result.scores().f1()).as(result.scores().toString()).isGreaterThan(F1_LINKAGE);
    }

    @Test
    void aFileWithAnotherHeaderIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not_febrl.csv");
        Files.writeString(file, "id, first, last\nrec-1-org, ann, lee\n");

        assertThatThrownBy(() -> evaluation.evaluate(List.of(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(FebrlEvaluation.HEADER);
    }

}
