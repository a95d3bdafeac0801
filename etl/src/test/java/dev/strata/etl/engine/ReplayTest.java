package dev.strata.etl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.UserError;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.RunStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline run twice over two raw batches (an update, a type 2 dimension, a view), then replayed: with nothing
 * changed the tables come back exactly as they were; with a stricter rule rows move to quarantine, the ledger
 * balanced and the move counted.
 */
class ReplayTest {

    private final SparkSession spark = EngineTestSession.get();

    @TempDir
    Path dir;

    private Path in;
    private Path sql;
    private Lake lake;

    @BeforeEach
    void files() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        sql = Files.createDirectories(dir.resolve("sql/shop"));
        Files.writeString(sql.resolve("by_city.sql"),
                "SELECT city, count(*) AS orders, sum(amount) AS revenue FROM clean.orders GROUP BY city");
        Files.writeString(sql.resolve("customers.sql"),
                "SELECT customer_id, max_by(city, order_id) AS city FROM clean.orders GROUP BY customer_id");
        lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
    }

    private PipelineSpec spec(double minAmount) {
        return new SpecLoader().load("""
                pipeline: shop
                sources:
                  - name: orders
                    path: %s
                    format: csv
                    schema:
                      - {name: order_id, type: long}
                      - {name: customer_id, type: string}
                      - {name: city, type: string}
                      - {name: amount, type: "decimal(10,2)"}
                    keys: [order_id]
                    rules:
                      - {kind: range, column: amount, min: %s}
                curated:
                  - {name: by_city, sql: shop/by_city.sql, mode: merge, merge_keys: [city]}
                  - {name: customer_dim, sql: shop/customers.sql, mode: scd2, merge_keys: [customer_id]}
                views:
                  - name: city_orders
                    source: orders
                    dimensions: [{name: city, column: city}]
                    measures:
                      - {name: orders, agg: count}
                      - {name: revenue, agg: sum, column: amount}
                """.formatted(in, minAmount), "shop.yaml");
    }

    private void run(PipelineSpec spec, String runId, String at) {
        Clock clock = Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
        RunLog log = new RunLog(runId, "run", spec.name(), spec.origin(), lake.root(), clock,
                new PrintStream(new ByteArrayOutputStream()));
        pipelines(clock).run(spec, List.of(Stage.INGEST, Stage.CLEAN, Stage.CURATE, Stage.VIEWS), log);
        new RunStore(lake).write(log.record("succeeded", null));
    }

    private Pipelines pipelines(Clock clock) {
        return new Pipelines(spark, lake, catalog(), sqlRoot(), clock);
    }

    private LocalTableCatalog catalog() {
        return new LocalTableCatalog(lake.root(), lake.conf());
    }

    private SqlRoot sqlRoot() {
        return new SqlRoot(Optional.of(dir.resolve("sql").toString()), lake);
    }

    private List<StageResult> replay(PipelineSpec spec, Optional<Instant> since, RunLog log) {
        Replay replay = new Replay(spark, lake, catalog(), sqlRoot(), Clock.systemUTC());
        return replay.run(spec, replay.plan(spec, since, Optional.empty()), log);
    }

    private static RunLog log() {
        return new RunLog("replay-1", "replay", "shop", "shop.yaml", "lake", Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** Every table's rows, sorted, as text (the history's change times excepted: the views recompute from it). */
    private Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : List.of("clean/orders", "quarantine/orders", "curated/by_city", "curated/customer_dim",
                "views/shop/city_orders/serving")) {
            List<Row> rows = spark.read().format("delta").load(lake.root() + "/" + table).collectAsList();
            tables.put(table, rows.stream().map(Row::toString).sorted().toList());
        }
        return tables;
    }

    private void twoRuns() throws Exception {
        Files.writeString(in.resolve("o1.csv"), """
                order_id,customer_id,city,amount
                1,C1,Denver,10.00
                2,C2,Boulder,4.00
                3,C1,Denver,-1.00
                """);
        run(spec(0), "20240103T000000Z-shop-aaaaaa", "2024-01-03T00:00:00.123Z");
        Files.writeString(in.resolve("o2.csv"), """
                order_id,customer_id,city,amount
                2,C2,Boulder,6.00
                4,C1,Aurora,3.00
                5,C3,Denver,2.50
                """);
        run(spec(0), "20240104T000000Z-shop-bbbbbb", "2024-01-04T00:00:00.456Z");
    }

    @Test
    void aReplayWithNothingChangedGivesTheSameTablesRunByRun() throws Exception {
        twoRuns();
        Map<String, List<String>> before = tables();
        assertThat(before.get("curated/customer_dim")).as("C1 moved from Denver to Aurora: two versions").hasSize(4);

        Replay replay = new Replay(spark, lake, catalog(), sqlRoot(), Clock.systemUTC());
        Replay.Plan plan = replay.plan(spec(0), Optional.empty(), Optional.empty());
        assertThat(plan.groups()).extracting(Replay.Group::runId)
                .containsExactly("20240103T000000Z-shop-aaaaaa", "20240104T000000Z-shop-bbbbbb");
        assertThat(plan.groups().get(1).at()).isEqualTo(Instant.parse("2024-01-04T00:00:00.456Z"));
        assertThat(plan.rewinds()).containsEntry(lake.cleanTable("orders"), -1L)
                .containsEntry(lake.curatedTable("customer_dim"), -1L);
        assertThat(tables()).as("planning changes nothing").isEqualTo(before);

        List<StageResult> results = replay.run(spec(0), plan, log());

        assertThat(tables()).isEqualTo(before);
        assertThat(results).filteredOn(r -> r.stage().equals("replay")).singleElement()
                .satisfies(r -> assertThat(r.note()).isEqualTo("clean 4 -> 4, quarantine 1 -> 1: no row moved"));
        assertThat(results).filteredOn(r -> r.stage().equals("clean")).hasSize(2).allMatch(StageResult::balances);

        // nothing ingested since a day: nothing to replay; a batch that is not there is named
        assertThat(replay.plan(spec(0), Optional.of(Instant.parse("2100-01-01T00:00:00Z")), Optional.empty())
                .isEmpty()).isTrue();
        assertThatThrownBy(() -> replay.plan(spec(0), Optional.empty(), Optional.of("no-such-batch")))
                .isInstanceOf(UserError.class).hasMessageContaining("--batch no-such-batch: no raw batch of pipeline"
                        + " shop has that id");
    }

    @Test
    void aReplayAfterARuleChangeMovesRowsToQuarantineFromTheGivenDayOn() throws Exception {
        twoRuns();
        Map<String, List<String>> before = tables();

        // from now on an order must be at least 5.00: replayed from the second batch only
        Instant second = Instant.parse(new dev.strata.etl.raw.RawZone(lake, Clock.systemUTC()).batches("orders")
                .get(1).ingestedAt());
        List<StageResult> results = replay(spec(5), Optional.of(second), log());

        Map<String, List<String>> after = tables();
        // the first batch's rows are as they were (order 1 passed 0 and is not replayed); orders 4 and 5 moved
        assertThat(after.get("clean/orders")).hasSize(2).anyMatch(r -> r.startsWith("[1,C1,Denver,10.00"))
                .anyMatch(r -> r.startsWith("[2,C2,Boulder,6.00"));
        assertThat(after.get("quarantine/orders")).hasSize(3);
        assertThat(results).filteredOn(r -> r.stage().equals("replay")).singleElement()
                .satisfies(r -> assertThat(r.note()).isEqualTo("clean 4 -> 2, quarantine 1 -> 3: 2 row(s) moved from"
                        + " clean to quarantine"));
        assertThat(results).filteredOn(r -> r.stage().equals("clean")).singleElement()
                .satisfies(r -> {
                    assertThat(r.balances()).isTrue();
                    assertThat(r.read()).isEqualTo(3);
                });
        assertThat(after.get("views/shop/city_orders/serving")).containsExactlyInAnyOrder(
                "[Boulder,1,6.0]", "[Denver,1,10.0]");
        assertThat(before.get("curated/by_city")).isNotEqualTo(after.get("curated/by_city"));
    }
}
