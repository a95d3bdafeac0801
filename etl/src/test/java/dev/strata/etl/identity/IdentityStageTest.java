package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.UserError;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.EngineTestSession;
import dev.strata.etl.engine.Pipelines;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.samples.cdp.CustomerGenerator;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SpecLoader;
import dev.strata.transforms.identity.LinkageEvaluation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled cdp pipeline on 400 generated people: a first batch holding the first three quarters of
 * every file, a rerun of it, then the whole files (the rest arrive) resolved incrementally, then a full
 * re-resolution. The tests run in order on one lake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityStageTest {

    private static final String SALT = "test-salt-4b1d9e";

    private final SparkSession spark = EngineTestSession.get();
    private final DeltaTables delta = new DeltaTables(spark);

    @TempDir
    static Path dir;

    private Path first;
    private Path all;
    private Lake lake;
    private PipelineSpec spec;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Map<Long, Long> firstIds;
    private long firstMaxId;

    @BeforeAll
    void generate() throws IOException {
        spark.conf().set(PiiSalt.CONF, SALT);
        all = dir.resolve("all");
        first = dir.resolve("first");
        new CustomerGenerator(7).write(all, 400);
        Files.createDirectories(first);
        for (String file : List.of("crm.csv", "web.csv", "transactions.csv", "loyalty.csv")) {
            List<String> lines = Files.readAllLines(all.resolve(file), StandardCharsets.UTF_8);
            int keep = 1 + (lines.size() - 1) * 3 / 4;
            Files.write(first.resolve(file), lines.subList(0, keep), StandardCharsets.UTF_8);
        }
        lake = new Lake(dir.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        spec = new SpecLoader().loadResource("cdp");
    }

    @AfterAll
    void forgetSalt() {
        spark.conf().unset(PiiSalt.CONF);
    }

    private void run(Path sources, boolean full) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        RunLog log = new RunLog("r-" + System.nanoTime(), "identity run", spec.name(), spec.origin(), lake.root(),
                clock, new PrintStream(console, true, StandardCharsets.UTF_8));
        new Pipelines(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()),
                new SqlRoot(Optional.of(Path.of("..", "sql").toString()), lake), clock).fullIdentity(full)
                .run(spec.withVariables(Map.of("cdp", sources.toString())),
                        List.of(Stage.INGEST, Stage.CLEAN, Stage.IDENTITY, Stage.CURATE), log);
    }

    private Dataset<Row> curated(String table) {
        return delta.read(lake.curatedTable(table));
    }

    private Map<Long, Long> ids() {
        Map<Long, Long> out = new HashMap<>();
        curated("customer_xref").collectAsList().forEach(r -> out.put(r.<Long>getAs("record_id"),
                r.<Long>getAs("customer_id")));
        return out;
    }

    @Test
    @Order(1)
    void theFirstRunGivesEveryRecordOneCustomerAndEveryCustomerAProfile() {
        run(first, false);
        long records = delta.read(lake.cleanTable("customer_records")).count();
        Dataset<Row> xref = curated("customer_xref");
        assertThat(xref.count()).isEqualTo(records);
        assertThat(curated("customer_profile").columns()[0]).isEqualTo("customer_id");
        assertThat(curated("customer_profile").where(col("customer_id").isNull()).count()).isZero();
        assertThat(xref.select("record_id").distinct().count()).isEqualTo(records);
        long customers = xref.select("customer_id").distinct().count();
        assertThat(curated("customer_profile").count()).isEqualTo(customers);
        // ids 1..n, one 'created' event each
        firstIds = ids();
        firstMaxId = firstIds.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(firstMaxId).isEqualTo(customers);
        assertThat(curated("customer_id_history").where(col("event").equalTo("created")).count()).isEqualTo(customers);
        // the profile's orders add up to the orders table
        Row totals = curated("customer_profile").selectExpr("sum(orders)", "sum(revenue)").first();
        Row orders = delta.read(lake.cleanTable("orders")).selectExpr("count(*)", "sum(amount)").first();
        assertThat(totals.getLong(0)).isEqualTo(orders.getLong(0));
        assertThat(totals.getDecimal(1)).isEqualByComparingTo(orders.getDecimal(1));
        assertThat(curated("customer_segments").count()).isPositive();
        assertThat(curated("customer_links").columns()).contains("w_email_exact", "match_probability", "linked");
    }

    @Test
    @Order(2)
    void curatedPiiIsHashedOrMaskedAndTheSaltIsNeverPrinted() {
        Dataset<Row> profile = curated("customer_profile");
        Dataset<Row> records = delta.read(lake.cleanTable("customer_records"));
        // a customer's surviving email is the salted SHA-256 of one of its records' standardised emails
        Row one = profile.where(col("email").isNotNull()).orderBy("customer_id").first();
        List<String> hashes = records.join(curated("customer_xref"), "record_id")
                .where(col("customer_id").equalTo(one.<Long>getAs("customer_id")).and(col("email").isNotNull()))
                .select("email").collectAsList().stream().map(r -> sha256(SALT + r.getString(0))).toList();
        assertThat(hashes).contains(one.<String>getAs("email"));
        assertThat(profile.where(col("given").isNotNull().and(col("given").contains("*").unary_$bang())
                .and(org.apache.spark.sql.functions.length(col("given")).gt(1))).count()).isZero();
        assertThat(profile.where(col("dob").isNotNull().and(col("dob").rlike("^[0-9]{4}-\\*\\*-\\*\\*$").unary_$bang()))
                .count()).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(SALT);
        List<PiiReport.Line> report = new PiiReport(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()))
                .lines(spec);
        assertThat(report).filteredOn(l -> l.table().equals("customer_profile")).extracting(PiiReport.Line::check)
                .containsOnly("ok");
        assertThat(report).filteredOn(l -> l.zone().equals("clean") && l.table().equals("crm_contacts"))
                .extracting(PiiReport.Line::column).contains("email", "phone", "first_name", "date_of_birth");
    }

    @Test
    @Order(3)
    void aRerunOfTheSameBatchChangesNoId() {
        long history = curated("customer_id_history").count();
        long linksVersion = delta.version(lake.curatedTable("customer_links"));
        run(first, false);
        assertThat(ids()).isEqualTo(firstIds);
        assertThat(curated("customer_id_history").count()).isEqualTo(history);
        assertThat(delta.version(lake.curatedTable("customer_links"))).isEqualTo(linksVersion);
    }

    @Test
    @Order(4)
    void newRecordsJoinTheirCustomersAndMergesKeepTheOldestId() {
        run(all, false);
        Map<Long, Long> now = ids();
        assertThat(now.size()).isGreaterThan(firstIds.size());
        Map<Long, Long> mergedInto = new HashMap<>();
        curated("customer_id_history").where(col("event").equalTo("merged")).collectAsList()
                .forEach(r -> mergedInto.put(r.<Long>getAs("customer_id"), r.<Long>getAs("related_id")));
        firstIds.forEach((record, id) -> {
            long current = now.get(record);
            // an old record keeps its id, or its id was merged into an older one
            if (current != id) {
                assertThat(mergedInto.get(id)).as("record %d moved from %d to %d", record, id, current).isEqualTo(current);
                assertThat(current).isLessThan(id);
            }
        });
        long joined = now.entrySet().stream().filter(e -> !firstIds.containsKey(e.getKey()))
                .filter(e -> e.getValue() <= firstMaxId).count();
        long created = now.entrySet().stream().filter(e -> !firstIds.containsKey(e.getKey()))
                .filter(e -> e.getValue() > firstMaxId).count();
        assertThat(joined).as("new records that joined an existing customer").isPositive();
        assertThat(created).as("new records of new customers").isPositive();
        // only pairs with a new record were compared in this run
        assertThat(curated("customer_links").count()).isPositive();
    }

    @Test
    @Order(5)
    void aFullRunKeepsIdsAndNeverReusesOne() {
        Map<Long, Long> before = ids();
        long maxBefore = Math.max(before.values().stream().mapToLong(Long::longValue).max().orElseThrow(),
                curated("customer_id_history").selectExpr("max(customer_id)").first().getLong(0));
        run(all, true);
        Map<Long, Long> after = ids();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        java.util.Set<Long> oldIds = new java.util.HashSet<>(before.values());
        after.values().forEach(id -> assertThat(oldIds.contains(id) || id > maxBefore).as("id %d", id).isTrue());
        long same = after.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
        assertThat(same).isGreaterThan(after.size() * 9 / 10);
        // a split's new id names the id it came from
        curated("customer_id_history").where(col("event").equalTo("split")).collectAsList()
                .forEach(r -> assertThat(oldIds).contains(r.<Long>getAs("related_id")));
    }

    @Test
    @Order(6)
    void evaluationAndExplanationReadTheLastRun() {
        LinkageEvaluation.Scores scores = new TruthEvaluation(spark, lake).evaluate(spec, "person_id");
        assertThat(scores.truePairs()).isPositive();
        assertThat(scores.recall()).as(scores.toString()).isGreaterThan(0.5);
        assertThat(scores.bcubedF1()).as(scores.toString()).isGreaterThan(0.5);
        assertThatThrownBy(() -> new TruthEvaluation(spark, lake).evaluate(spec, "no_such_column"))
                .isInstanceOf(UserError.class).hasMessageContaining("no_such_column");

        // two records of one person sharing a card: linked outright
        Row pair = delta.read(lake.cleanTable("customer_records")).where(col("card").isNotNull())
                .groupBy("card").agg(org.apache.spark.sql.functions.min("source_key").as("a"),
                        org.apache.spark.sql.functions.max("source_key").as("b"))
                .where(col("a").notEqual(col("b"))).orderBy("card").first();
        IdentityExplainer.Explanation e = new IdentityExplainer(spark, lake)
                .explain(spec.identity().orElseThrow(), "transactions:" + pair.getString(1),
                        "transactions:" + pair.getString(2), false);
        assertThat(e.deterministic()).containsExactly("card");
        assertThat(e.leftCustomer()).isPresent().isEqualTo(e.rightCustomer());
        assertThat(e.fields()).extracting(IdentityExplainer.FieldLine::field).contains("given_name",
                "email_exact");
        assertThat(e.render()).contains("linked outright by equal card").doesNotContain(SALT);
        assertThatThrownBy(() -> new IdentityExplainer(spark, lake).explain(spec.identity().orElseThrow(),
                "crm:NOPE", "crm:NOPE2", false)).isInstanceOf(UserError.class).hasMessageContaining("no record crm:NOPE");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
