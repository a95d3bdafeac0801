package dev.strata.etl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.DataQualityFailure;
import dev.strata.etl.curate.SessionTables;
import dev.strata.etl.curate.SqlRoot;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One batch of broken files through the clean stage under each drift policy: an empty file, a header-only file, a
 * file lacking a column, a file with an extra column, a file written with another delimiter and a quote that never
 * closes. No file stops the others, and every record is clean, quarantined or a duplicate.
 */
class SchemaDriftTest {

    private final SparkSession spark = EngineTestSession.get();

    @TempDir
    Path dir;

    private Path in;

    @BeforeEach
    void files() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a_good.csv"), "id,kind,note\n1,pothole,ok\n2,graffiti,ok\n");
        Files.writeString(in.resolve("b_empty.csv"), "");
        Files.writeString(in.resolve("c_header_only.csv"), "id,kind,note\n");
        Files.writeString(in.resolve("d_no_note.csv"), "id,kind\n3,pothole\n4,litter\n");
        Files.writeString(in.resolve("e_extra.csv"), "ID,Kind,Note,Ward\n5,pothole,ok,7\n");
        Files.writeString(in.resolve("f_semicolons.csv"), "id;kind;note\n6;pothole;ok\n");
        StringBuilder runaway = new StringBuilder("id,kind,note\n");
        for (int i = 100; i < 141; i++) {
            runaway.append(i).append(",pothole,").append(i == 110 ? "\"never closed" : "ok").append('\n');
        }
        Files.writeString(in.resolve("g_runaway.csv"), runaway);
    }

    private PipelineSpec spec(String drift) {
        return new SpecLoader().load("""
                pipeline: drift
                sources:
                  - name: requests
                    path: %s
                    schema:
                      - {name: id, type: long, nullable: false}
                      - {name: kind, type: string, nullable: false}
                      - {name: note, type: string}
                    keys: [id]
                    %s
                """.formatted(in, drift), "drift.yaml");
    }

    private RunLog log(Lake lake) {
        return new RunLog("r1", "run", "drift", "drift.yaml", lake.root(),
                Clock.fixed(Instant.parse("2024-01-03T00:00:00Z"), ZoneOffset.UTC),
                new PrintStream(new ByteArrayOutputStream()));
    }

    private StageResult clean(Lake lake, PipelineSpec spec, RunLog log) {
        return new Pipelines(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()),
                new SqlRoot(Optional.empty(), lake), Clock.systemUTC())
                .run(spec, List.of(Stage.INGEST, Stage.CLEAN), log).stream()
                .filter(r -> r.stage().equals("clean")).findFirst().orElseThrow();
    }

    private List<Row> rows(Lake lake, String query) {
        new SessionTables(spark, new LocalTableCatalog(lake.root(), lake.conf())).bindAll();
        return spark.sql(query).collectAsList();
    }

    @Test
    void byDefaultAFileLackingAColumnIsQuarantinedAndTheRestOfTheBatchGoesOn() {
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        RunLog log = log(lake);
        StageResult result = clean(lake, spec(""), log);
        // 2 good + 2 drifted + 1 extra + 1 semicolon file + 41 runaway lines (one of them alone)
        assertThat(result.read()).isEqualTo(47);
        assertThat(result.balances()).isTrue();
        assertThat(result.written()).isEqualTo(2 + 1 + 40);
        assertThat(result.ruleFailures()).containsEntry("schema_drift", 3L).containsEntry("unterminated_quote", 1L);
        assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains("b_empty.csv", "is empty: 0 records"))
                .anySatisfy(w -> assertThat(w).contains("c_header_only.csv", "has a header and no record: 0 records"))
                .anySatisfy(w -> assertThat(w).contains("d_no_note.csv", "lacks column 'note' (field note)",
                        "quarantined"))
                .anySatisfy(w -> assertThat(w).contains("f_semicolons.csv", "seems to use ';' as its delimiter"));
        assertThat(rows(lake, "select _line_number, _rule from quarantine.requests where _source_file like "
                + "'%g_runaway.csv'")).extracting(r -> r.getLong(0) + " " + r.getString(1))
                .containsExactly("12 unterminated_quote");
        assertThat(rows(lake, "select count(*) from clean.requests where id between 100 and 140"))
                .extracting(r -> r.getLong(0)).containsExactly(40L);
    }

    @Test
    void fillNullReadsAMissingNullableColumnAsNullAndRescueKeepsExtraColumns() {
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        RunLog log = log(lake);
        StageResult result = clean(lake, spec("schema_drift: {missing_column: fill_null, extra_column: rescue}"), log);
        assertThat(result.balances()).isTrue();
        assertThat(result.written()).isEqualTo(2 + 2 + 1 + 40);
        assertThat(result.ruleFailures()).containsEntry("schema_drift_fill_null", 2L)
                .containsEntry("schema_drift", 1L);
        assertThat(rows(lake, "select id, note, _rescued from clean.requests where id between 3 and 5 order by id"))
                .extracting(r -> r.getLong(0) + " " + r.getString(1) + " " + r.getString(2))
                .containsExactly("3 null null", "4 null null", "5 ok {\"Ward\":\"7\"}");
        // the semicolon file lacks columns that are not nullable: it is quarantined, saying why
        assertThat(rows(lake, "select _reason from quarantine.requests where _source_file like '%f_semicolons.csv'"))
                .singleElement().satisfies(r -> assertThat(r.getString(0)).contains("not nullable"));
    }

    @Test
    void failStopsTheRunAsADataQualityFailure() {
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        assertThatThrownBy(() -> clean(lake, spec("schema_drift: {missing_column: fail}"), log(lake)))
                .isInstanceOf(DataQualityFailure.class).hasMessageContaining("d_no_note.csv")
                .hasMessageContaining("missing_column: fail");
    }
}
