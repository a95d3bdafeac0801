package dev.strata.etl.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.UserError;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.EngineTestSession;
import dev.strata.etl.engine.Pipelines;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived columns through the clean stage: stored in the clean table and the event history, batch by batch. */
class DerivedColumnsCleanTest {

    private final SparkSession spark = EngineTestSession.get();

    @TempDir
    Path dir;

    private static final String DERIVE = """
                derive:
                  - {name: prev_t, expr: "lag(t) over (partition by vehicle order by t)"}
                  - {name: step, expr: "x - lag(x) over (partition by vehicle order by t)"}
                  - {name: seconds, expr: "unix_timestamp(t) - unix_timestamp(prev_t)"}
            """;

    private PipelineSpec spec(Path in, String derive) {
        return new SpecLoader().load("""
                pipeline: fleet
                sources:
                  - name: pings
                    path: %s
                    schema:
                      - {name: vehicle, type: string}
                      - {name: t, type: timestamp, format: "yyyy-MM-dd'T'HH:mm:ssXXX"}
                      - {name: x, type: double}
                    keys: [vehicle, t]
                %sviews:
                  - name: per_vehicle
                    source: pings
                    dimensions: [{name: vehicle, column: vehicle}]
                    measures: [{name: pings, agg: count}]
                """.formatted(in, derive), "fleet.yaml");
    }

    private List<StageResult> run(Lake lake, PipelineSpec spec, String instant, Stage... stages) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        RunLog log = new RunLog("r-" + instant, "run", spec.name(), spec.origin(), lake.root(), clock,
                new PrintStream(new ByteArrayOutputStream()));
        return new Pipelines(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()),
                new SqlRoot(Optional.empty(), lake), clock).run(spec, List.of(stages), log);
    }

    private List<String> rows(String path, String columns) {
        return spark.read().format("delta").load(path).selectExpr(columns.split(",\\s*"))
                .orderBy("vehicle", "t").collectAsList().stream().map(Row::toString).toList();
    }

    @Test
    void derivedColumnsAreStoredForEachBatchAndACleanedBatchCleanedAgainChangesNothing() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        // v1 out of order in the file; a ping that does not parse and an exact resend of a ping
        Files.writeString(in.resolve("day1.csv"), """
                vehicle,t,x
                v1,2024-03-10T01:59:30-07:00,1.0
                v2,2024-03-10T08:00:00-06:00,10.0
                v1,2024-03-10T03:01:30-06:00,4.0
                v1,2024-03-10T03:00:30-06:00,2.5
                v1,not a time,99.0
                v2,2024-03-10T08:01:00-06:00,12.0
                v2,2024-03-10T08:01:00-06:00,12.0
                """);
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        PipelineSpec spec = spec(in, DERIVE);

        StageResult first = run(lake, spec, "2024-03-11T00:00:00Z", Stage.INGEST, Stage.CLEAN).get(1);

        assertThat(first.written()).isEqualTo(5);
        assertThat(first.quarantined()).isEqualTo(1);
        assertThat(first.duplicates()).isEqualTo(1);
        String clean = lake.cleanTable("pings");
        List<String> expected = List.of(
                // the clock went from 01:59:59 MST to 03:00:00 MDT: a minute passed, not an hour and a minute
                "[v1,2024-03-10 08:59:30.0,null,null,null]",
                "[v1,2024-03-10 09:00:30.0,2024-03-10 08:59:30.0,1.5,60]",
                "[v1,2024-03-10 09:01:30.0,2024-03-10 09:00:30.0,1.5,60]",
                "[v2,2024-03-10 14:00:00.0,null,null,null]",
                "[v2,2024-03-10 14:01:00.0,2024-03-10 14:00:00.0,2.0,60]");
        assertThat(rows(clean, "vehicle, t, prev_t, step, seconds")).containsExactlyElementsOf(expected);
        assertThat(spark.read().format("delta").load(clean).columns()).startsWith("vehicle", "t", "x", "prev_t", "step",
                "seconds", "_batch_id");
        // the views read the same values from the event history
        assertThat(rows(lake.historyTable("pings"), "vehicle, t, prev_t, step, seconds"))
                .containsExactlyElementsOf(expected);

        // a run that died after its writes and before marking the batch cleaned: the batch is cleaned again
        Path markers = dir.resolve("lake/_state/fleet/pings/cleaned");
        try (Stream<Path> files = Files.list(markers)) {
            for (Path marker : files.toList()) {
                Files.delete(marker);
            }
        }
        StageResult again = run(lake, spec, "2024-03-11T01:00:00Z", Stage.CLEAN).get(0);
        assertThat(again.written()).isEqualTo(5);
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(rows(clean, "vehicle, t, prev_t, step, seconds")).containsExactlyElementsOf(expected);
        assertThat(rows(lake.historyTable("pings"), "vehicle, t, prev_t, step, seconds"))
                .containsExactlyElementsOf(expected);

        // the next day's file is another batch: its first ping of v1 has no previous ping in the batch
        Files.writeString(in.resolve("day2.csv"), """
                vehicle,t,x
                v1,2024-03-11T07:00:00-06:00,5.0
                v1,2024-03-11T07:01:00-06:00,8.0
                """);
        StageResult second = run(lake, spec, "2024-03-12T00:00:00Z", Stage.INGEST, Stage.CLEAN).get(1);
        assertThat(second.inserted()).isEqualTo(2);
        assertThat(rows(clean, "vehicle, t, prev_t, step, seconds")).containsSubsequence(
                "[v1,2024-03-10 09:01:30.0,2024-03-10 09:00:30.0,1.5,60]",
                "[v1,2024-03-11 13:00:00.0,null,null,null]",
                "[v1,2024-03-11 13:01:00.0,2024-03-11 13:00:00.0,3.0,60]");
    }

    @Test
    void aDerivedColumnDeclaredAfterTheCleanTableWasMadeIsAUserError() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("day1.csv"), "vehicle,t,x\nv1,2024-03-10T08:00:00-06:00,1.0\n");
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        run(lake, spec(in, ""), "2024-03-11T00:00:00Z", Stage.INGEST, Stage.CLEAN);
        Files.writeString(in.resolve("day2.csv"), "vehicle,t,x\nv1,2024-03-11T08:00:00-06:00,2.0\n");

        assertThatThrownBy(() -> run(lake, spec(in, DERIVE), "2024-03-12T00:00:00Z", Stage.INGEST, Stage.CLEAN))
                .isInstanceOf(UserError.class)
                .hasMessage("source pings derives prev_t, step, seconds, which clean.pings does not have: it was cleaned"
                        + " before these derived columns were declared; clean it into a new lake (or a new clean table)"
                        + " to add them");
    }

    @Test
    void aMistakeTheLoaderCannotSeeIsAUserErrorNamingTheColumn() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("day1.csv"), "vehicle,t,x\nv1,2024-03-10T08:00:00-06:00,1.0\n");
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        PipelineSpec spec = spec(in, """
                derive:
                  - {name: odd, expr: "x + array(1, 2)"}
            """);

        assertThatThrownBy(() -> run(lake, spec, "2024-03-11T00:00:00Z", Stage.INGEST, Stage.CLEAN))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("source pings: derived column odd: ")
                .hasMessageContaining("data type mismatch");
    }
}
