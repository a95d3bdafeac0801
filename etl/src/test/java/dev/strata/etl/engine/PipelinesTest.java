package dev.strata.etl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.catalog.TableName;
import dev.strata.etl.UserError;
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
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages over a small two-source pipeline: JSON lines and CSV, a referential rule, every curated mode. */
class PipelinesTest {

    private final SparkSession spark = EngineTestSession.get();

    @TempDir
    Path dir;

    private Path in;
    private Path sql;

    @BeforeEach
    void files() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        Files.createDirectories(in.resolve("customers"));
        Files.createDirectories(in.resolve("orders"));
        Files.writeString(in.resolve("customers/c1.jsonl"), """
                {"customer_id": "C1", "name": "Ada", "tier": "gold"}
                {"customer_id": "C2", "name": "Bo", "tier": "silver"}
                not json at all
                {"customer_id": "C3", "name": "Cy", "tier": 7}
                """);
        Files.writeString(in.resolve("orders/o1.csv"), """
                order_id,customer_id,amount,day
                1,C1,10.50,2024-01-01
                2,C2,5.00,2024-01-01
                3,C9,7.00,2024-01-02
                4,C1,-1,2024-01-02
                4,C1,-1,2024-01-02
                5,C3,2.25,2024-01-02
                """);
        sql = Files.createDirectories(dir.resolve("sql/shop"));
        Files.writeString(sql.resolve("daily.sql"),
                "SELECT day, count(*) AS orders, sum(amount) AS revenue FROM clean.orders GROUP BY day");
        Files.writeString(sql.resolve("totals.sql"),
                "SELECT customer_id, sum(amount) AS spent FROM clean.orders GROUP BY customer_id");
        Files.writeString(sql.resolve("customers.sql"), "SELECT customer_id, tier FROM clean.customers");
        Files.writeString(sql.resolve("summary.sql"),
                "SELECT current_date() AS as_of, count(*) AS customers, sum(spent) AS spent FROM curated.totals");
    }

    private PipelineSpec spec() {
        return spec("""
                  - {name: daily, sql: shop/daily.sql, mode: replace_partitions, partition_by: [day]}
                  - {name: totals, sql: shop/totals.sql, mode: merge, merge_keys: [customer_id]}
                  - {name: customer_dim, sql: shop/customers.sql, mode: scd2, merge_keys: [customer_id]}
                  - {name: summary, sql: shop/summary.sql, mode: replace}
                """);
    }

    /** The two sources and their rules, with these curated steps. */
    private PipelineSpec spec(String curated) {
        return new SpecLoader().load(yaml(curated), "shop.yaml");
    }

    private String yaml(String curated) {
        return ("""
                pipeline: shop
                sources:
                  - name: customers
                    path: %s
                    format: jsonl
                    schema:
                      - {name: customer_id, type: string, nullable: false}
                      - {name: name, type: string}
                      - {name: tier, type: string}
                    keys: [customer_id]
                    rules:
                      - {kind: allowed_values, column: tier, values: [gold, silver, bronze]}
                  - name: orders
                    path: %s
                    format: csv
                    schema:
                      - {name: order_id, type: long}
                      - {name: customer_id, type: string}
                      - {name: amount, type: "decimal(10,2)"}
                      - {name: day, type: date}
                    keys: [order_id]
                    rules:
                      - {kind: referential, column: customer_id, table: clean.customers, ref_column: customer_id}
                      - {kind: range, column: amount, min: 0, level: warn}
                    clean: {partition_by: [day]}
                curated:
                """.formatted(in.resolve("customers"), in.resolve("orders")) + curated);
    }

    private List<StageResult> run(Lake lake, PipelineSpec spec, String instant, Stage... stages) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        RunLog log = new RunLog("r-" + instant, "run", spec.name(), spec.origin(), lake.root(), clock,
                new PrintStream(new ByteArrayOutputStream()));
        return new Pipelines(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()),
                new SqlRoot(Optional.of(dir.resolve("sql").toString()), lake), clock).run(spec, List.of(stages), log);
    }

    private List<Row> rows(String query) {
        return spark.sql(query).collectAsList();
    }

    @Test
    void aCachedViewIsComputedOnceForEveryStepThatReadsItAndTheProfileSaysWhereTheTimeWent() throws Exception {
        Files.writeString(sql.resolve("big_orders.sql"), "SELECT * FROM clean.orders WHERE amount >= 5");
        Files.writeString(sql.resolve("big_by_day.sql"), "SELECT day, count(*) AS n FROM work.big_orders GROUP BY day");
        Files.writeString(sql.resolve("big_by_customer.sql"),
                "SELECT customer_id, count(*) AS n FROM work.big_orders GROUP BY customer_id");
        PipelineSpec spec = spec("""
                  - {name: big_orders, sql: shop/big_orders.sql, mode: view, cache: true}
                  - {name: big_by_day, sql: shop/big_by_day.sql, mode: replace}
                  - {name: big_by_customer, sql: shop/big_by_customer.sql, mode: replace}
                """);
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        List<StageResult> results;
        Map<String, Map<String, StepProfile.Tally>> steps;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (StepProfile profile = StepProfile.start(spark)) {
            results = run(lake, spec, "2024-01-03T00:00:00Z", Stage.INGEST, Stage.CLEAN, Stage.CURATE);
            steps = profile.steps();
            profile.print(new PrintStream(printed, true));
        }
        assertThat(dir.resolve("lake/_scratch/shop")).as("its rows are dropped when the stage ends").doesNotExist();
        new dev.strata.etl.curate.SessionTables(spark, new LocalTableCatalog(lake.root(), lake.conf())).bindAll();
        assertThat(rows("select cast(day as string), n from curated.big_by_day order by day"))
                .extracting(r -> r.getString(0) + " " + r.getLong(1)).containsExactly("2024-01-01 2");
        assertThat(rows("select customer_id, n from curated.big_by_customer order by customer_id"))
                .extracting(r -> r.getString(0) + " " + r.getLong(1)).containsExactly("C1 1", "C2 1");
        assertThat(results).filteredOn(r -> r.stage().equals("curate")).extracting(StageResult::written)
                .containsExactly(0L, 1L, 2L);

        // every step's Spark jobs and Delta operations are counted under its own name
        assertThat(steps).containsKeys("strata-clean-orders", "strata-clean-customers", "strata-curate-big_by_day",
                "strata-curate-big_by_customer");
        Map<String, StepProfile.Tally> orders = steps.get("strata-clean-orders");
        assertThat(orders.keySet()).anyMatch(k -> k.startsWith("job: "));
        assertThat(orders.get("delta write (append)").count()).isEqualTo(2);
        assertThat(orders.get("delta commit metrics").count()).isEqualTo(2);
        assertThat(steps.get("strata-curate-big_by_day").get("catalog register").count()).isEqualTo(2);
        // the view's rows were computed once, by the first of its two readers
        assertThat(steps.values().stream().filter(kinds -> kinds.containsKey("compute work.big_orders once"))
                .mapToLong(kinds -> kinds.get("compute work.big_orders once").count()).sum()).isEqualTo(1);
        assertThat(printed.toString()).contains("strata-curate-big_by_customer").contains("delta write (append)");
    }


    @Test
    void runsEveryStageAndEveryCuratedMode() throws Exception {
        Lake lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        List<StageResult> results = run(lake, spec(), "2024-01-03T00:00:00Z", Stage.INGEST, Stage.CLEAN, Stage.CURATE);
        // straight after the first build, a step reading another curated table is as unchanged as the rest, and
        // so is one asking for today's date on the same day
        assertThat(run(lake, spec(), "2024-01-03T01:00:00Z", Stage.CURATE)).hasSize(4)
                .allSatisfy(r -> assertThat(r.note()).startsWith("unchanged"));

        StageResult customers = results.stream().filter(r -> r.target().equals("clean.customers")).findFirst()
                .orElseThrow();
        assertThat(customers.read()).isEqualTo(4);
        assertThat(customers.written()).isEqualTo(2);
        assertThat(customers.quarantined()).isEqualTo(2);
        assertThat(customers.ruleFailures()).containsEntry("parse_fields", 1L)
                .containsEntry("allowed_values_tier", 1L);

        StageResult orders = results.stream().filter(r -> r.target().equals("clean.orders")).findFirst().orElseThrow();
        assertThat(orders.read()).isEqualTo(6);
        assertThat(orders.written()).isEqualTo(3);
        assertThat(orders.quarantined()).isEqualTo(2);
        assertThat(orders.duplicates()).isEqualTo(1);
        assertThat(orders.balances()).isTrue();
        // order 4 breaks only a warn rule: kept, and counted; order 5's customer was quarantined
        assertThat(orders.ruleFailures()).containsEntry("range_amount", 2L)
                .containsEntry("referential_customer_id", 2L);

        new dev.strata.etl.curate.SessionTables(spark, new LocalTableCatalog(lake.root(), lake.conf())).bindAll();
        assertThat(rows("select order_id from clean.orders order by order_id"))
                .extracting(r -> r.getLong(0)).containsExactly(1L, 2L, 4L);
        assertThat(rows("select _rule, _reason from quarantine.orders order by _line_number"))
                .extracting(r -> r.getString(0) + ": " + r.getString(1))
                .containsExactly("referential_customer_id: customer_id = 'C9' is not in clean.customers.customer_id",
                        "referential_customer_id: customer_id = 'C3' is not in clean.customers.customer_id");
        assertThat(rows("select _line_number, _raw_text from quarantine.customers where _rule = 'parse_fields'"))
                .extracting(r -> r.getLong(0) + " " + r.getString(1)).containsExactly("3 not json at all");
        assertThat(rows("select cast(day as string), orders, cast(revenue as string) from curated.daily order by day"))
                .extracting(r -> r.getString(0) + " " + r.getLong(1) + " " + r.getString(2))
                .containsExactly("2024-01-01 2 15.50", "2024-01-02 1 -1.00");
        assertThat(new LocalTableCatalog(lake.root(), lake.conf()).lookup(TableName.parse("curated.daily"))
                .orElseThrow().partitionColumns()).containsExactly("day");

        // a new day of orders and a customer changing tier
        Files.writeString(in.resolve("orders/o2.csv"), "order_id,customer_id,amount,day\n6,C2,1.00,2024-01-03\n"
                + "2,C2,6.00,2024-01-01\n");
        Files.writeString(in.resolve("customers/c2.jsonl"), "{\"customer_id\": \"C2\", \"name\": \"Bo\", "
                + "\"tier\": \"gold\"}\n");
        List<StageResult> second = run(lake, spec(), "2024-01-04T00:00:00Z", Stage.INGEST, Stage.CLEAN, Stage.CURATE);
        StageResult ordersAgain = second.stream().filter(r -> r.target().equals("clean.orders")).findFirst()
                .orElseThrow();
        assertThat(ordersAgain.inserted()).isEqualTo(1);
        assertThat(ordersAgain.updated()).isEqualTo(1);
        spark.sql("REFRESH TABLE curated.daily");
        spark.sql("REFRESH TABLE curated.customer_dim");
        assertThat(rows("select cast(day as string), orders, cast(revenue as string) from curated.daily order by day"))
                .extracting(r -> r.getString(0) + " " + r.getLong(1) + " " + r.getString(2))
                .containsExactly("2024-01-01 2 16.50", "2024-01-02 1 -1.00", "2024-01-03 1 1.00");
        assertThat(rows("select customer_id, tier, is_current, cast(valid_to as string) from curated.customer_dim "
                + "order by customer_id, valid_from"))
                .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getBoolean(2) + " " + r.getString(3))
                .containsExactly("C1 gold true null", "C2 silver false 2024-01-04 00:00:00", "C2 gold true null");

        // the same files again: nothing new anywhere, and no curated table is built again
        List<StageResult> third = run(lake, spec(), "2024-01-05T00:00:00Z", Stage.INGEST, Stage.CLEAN,
                Stage.CURATE);
        assertThat(third).allSatisfy(r -> assertThat(r.written()).isZero());
        assertThat(third).filteredOn(r -> r.stage().equals("curate")).hasSize(4)
                .allSatisfy(r -> assertThat(r.note()).startsWith("unchanged"));

        // a changed statement rebuilds its table, and only that one
        Files.writeString(sql.resolve("totals.sql"),
                "SELECT customer_id, sum(amount) * 2 AS spent FROM clean.orders GROUP BY customer_id");
        List<StageResult> fourth = run(lake, spec(), "2024-01-06T00:00:00Z", Stage.CURATE);
        assertThat(fourth).filteredOn(r -> r.note().startsWith("unchanged")).extracting(StageResult::target)
                .containsExactlyInAnyOrder("curated.daily", "curated.customer_dim");
        spark.sql("REFRESH TABLE curated.totals");
        assertThat(rows("select cast(spent as string) from curated.totals where customer_id = 'C2'"))
                .extracting(r -> r.getString(0)).containsExactly("14.00");

        // a table changed behind the engine's back is built again, even with the same inputs
        spark.sql("DELETE FROM curated.daily WHERE day = DATE'2024-01-03'");
        List<StageResult> fifth = run(lake, spec(), "2024-01-07T00:00:00Z", Stage.CURATE);
        assertThat(fifth).filteredOn(r -> r.target().equals("curated.daily")).singleElement()
                .satisfies(r -> assertThat(r.note()).doesNotStartWith("unchanged"));
        spark.sql("REFRESH TABLE curated.daily");
        assertThat(rows("select count(*) from curated.daily")).extracting(r -> r.getLong(0)).containsExactly(3L);
    }

    @Test
    void aLargeFileIsParsedInPartsWithExactLineNumbers() throws Exception {
        Lake lake = new Lake(dir.resolve("lake3").toString(), spark.sparkContext().hadoopConfiguration());
        StringBuilder orders = new StringBuilder("order_id,customer_id,amount,day\n");
        List<Long> badLines = new java.util.ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            boolean bad = i % 37 == 0;
            orders.append(i).append(",C1,").append(bad ? "lots" : i + ".25").append(",2024-01-0").append(1 + i % 9)
                    .append('\n');
            if (bad) {
                badLines.add(i + 1L);
            }
        }
        Files.writeString(in.resolve("orders/o1.csv"), orders);
        spark.conf().set(dev.strata.etl.clean.RecordReader.PART_BYTES_CONF, "1k");
        try {
            // one record a line: the file is cut into parts by the executors
            PipelineSpec oneLine = new SpecLoader().load(yaml("").replace("    format: csv\n",
                    "    format: csv\n    csv: {multiline: false}\n"), "shop.yaml");
            assertThat(oneLine.sources().get(1).csv().multiline()).isFalse();
            List<StageResult> results = run(lake, oneLine, "2024-01-03T00:00:00Z", Stage.INGEST, Stage.CLEAN);
            assertThat(results).filteredOn(r -> r.target().equals("clean.orders")).singleElement()
                    .satisfies(r -> assertThat(r.read()).isEqualTo(400))
                    .satisfies(r -> assertThat(r.written()).isEqualTo(400 - badLines.size()));
        } finally {
            spark.conf().unset(dev.strata.etl.clean.RecordReader.PART_BYTES_CONF);
        }
        assertThat(Files.size(in.resolve("orders/o1.csv"))).isGreaterThan(8 * 1024);
        assertThat(spark.read().format("delta").load(lake.quarantineTable("orders")).orderBy("_line_number")
                .select("_line_number").collectAsList()).extracting(r -> r.getLong(0)).isEqualTo(badLines);
    }

    @Test
    void aReferentialRuleNeedsItsTableCleanedFirst() {
        Lake lake = new Lake(dir.resolve("lake2").toString(), spark.sparkContext().hadoopConfiguration());
        PipelineSpec ordersOnly = new PipelineSpec("shop", "", "shop.yaml",
                List.of(spec().sources().get(1)), List.of());
        run(lake, ordersOnly, "2024-01-03T00:00:00Z", Stage.INGEST);
        assertThatThrownBy(() -> run(lake, ordersOnly, "2024-01-03T00:00:00Z", Stage.CLEAN))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("refers to clean.customers, which is not in the catalog yet");
    }
}
