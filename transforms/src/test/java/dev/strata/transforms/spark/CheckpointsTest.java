package dev.strata.transforms.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Local checkpoints by default; reliable ones, written to the checkpoint folder, when the session says so. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointsTest {

    private final SparkSession spark = SparkTestSession.get();
    private final DataFrameAssertions frames = DataFrameAssertions.over(spark);

    @TempDir
    static Path folder;

    @AfterEach
    void unset() {
        spark.conf().unset(Checkpoints.RELIABLE);
    }

    private Dataset<Row> data() {
        return spark.range(0, 1000).selectExpr("id", "id % 7 AS k").where("k > 2");
    }

    private static long filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    @Order(1)
    void reliableWithoutAFolderIsRefusedNotSilentlyLocal() {
        spark.conf().set(Checkpoints.RELIABLE, "true");
        assertThat(spark.sparkContext().getCheckpointDir().isEmpty()).isTrue();
        assertThatThrownBy(() -> Checkpoints.cut(data())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no checkpoint folder");
    }

    @Test
    @Order(2)
    void byDefaultTheCheckpointIsLocalAndWritesNoFile() throws IOException {
        spark.sparkContext().setCheckpointDir(folder.toString());
        Dataset<Row> cut = data().transform(Checkpoints.CUT);
        frames.assertEqualsInAnyOrder(data(), cut);
        assertThat(filesUnder(folder)).isZero();
    }

    @Test
    @Order(3)
    void reliableCheckpointsAreWrittenToTheFolderAndGiveTheSameRows() throws IOException {
        spark.conf().set(Checkpoints.RELIABLE, "true");
        Dataset<Row> cut = Checkpoints.cut(data());
        assertThat(filesUnder(folder)).isPositive();
        frames.assertEqualsInAnyOrder(data(), cut);
        assertThat(cut.queryExecution().analyzed().toString()).doesNotContain("Range");
    }
}
