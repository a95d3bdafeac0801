package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.lake.WriteMetrics;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.IdentitySpec;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.transforms.identity.IdentityResolver;
import dev.strata.transforms.identity.MatchModel;
import dev.strata.transforms.identity.StableIds;
import dev.strata.transforms.spark.Checkpoints;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The identity stage of a pipeline, between clean and curate. It reads the clean tables its section names,
 * standardises their records into {@code clean.<entity>_records}, links them and keeps customer ids stable:
 * <ul>
 * <li>{@code curated.<entity>_xref}: every record with its customer id (ids only, no PII);</li>
 * <li>{@code curated.<entity>_id_history}: when an id was created, merged into another, split off or retired;</li>
 * <li>{@code curated.<entity>_links}: every compared pair with its per-field match weights;</li>
 * <li>{@code curated.<entity>_junk_identifiers}: identifier values too many records share, masked;</li>
 * <li>{@code curated.<entity>_profile}: one golden record per customer with lifetime aggregates and RFM
 * segment, its PII hashed or masked as the section says.</li>
 * </ul>
 * The first run resolves every record; later runs compare only records that have no id yet with the rest
 * and with each other, reusing the model of the first run ({@code full} resolves everything again and
 * estimates a new model: a split then gets a new id). A rerun with no new record changes no id.
 *
 * <p>Writes go history first, then links, then the model, then the cross-reference: a run that dies on the
 * way is rerun from the same cross-reference and writes the same ids and events again, which the merges
 * skip.
 */
public final class IdentityStage {

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;
    private final DeltaTables delta;
    private String pipelineName = "";

    public IdentityStage(SparkSession spark, Lake lake, TableCatalog catalog) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.delta = new DeltaTables(spark);
    }

    /** Where the stage keeps the model between runs. */
    public static String modelPath(Lake lake, IdentitySpec identity) {
        return lake.root() + "/_identity/" + identity.entity() + "/model.json";
    }

    public List<StageResult> run(PipelineSpec pipeline, boolean full, RunLog log) {
        this.pipelineName = pipeline.name();
        IdentitySpec identity = pipeline.identity().orElseThrow(() -> new UserError("pipeline " + pipeline.name()
                + " has no identity: section"));
        List<StageResult> results = new ArrayList<>();
        spark.sparkContext().setJobGroup("strata-identity", "identity " + identity.entity(), false);
        try {
            long start = System.nanoTime();
            Dataset<Row> records = new IdentityRecords(spark, lake).build(pipeline, identity).transform(Checkpoints.CUT);
            long total = records.count();
            long distinct = records.select("record_id").distinct().count();
            if (distinct != total) {
                throw new UserError("identity: " + (total - distinct) + " record(s) repeat a source key; each "
                        + "records: key must identify one row of its clean table");
            }
            results.add(write(log, "clean", identity.table("records"), records, Mode.REPLACE, List.of(), start,
                    "standardised records of " + identity.records().size() + " source(s)"));

            String xrefPath = lake.curatedTable(identity.table("xref"));
            Optional<Dataset<Row>> previous = delta.exists(xrefPath)
                    ? Optional.of(delta.read(xrefPath).select("record_id", "customer_id").transform(Checkpoints.CUT))
                    : Optional.empty();
            long fresh = previous.map(p -> records.join(p, records.col("record_id").equalTo(p.col("record_id")),
                    "left_anti").count()).orElse(total);
            ProfileBuilder profiles = new ProfileBuilder(spark, lake, PiiSalt.resolve(spark, lake, log));
            if (previous.isPresent() && !full && fresh == 0) {
                log.info("identity " + identity.entity() + ": no new records; customer ids unchanged");
            } else {
                results.addAll(resolve(identity, records, previous, full, fresh, profiles, log));
            }
            results.add(profile(pipeline, identity, records, profiles, log));
            return results;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    private List<StageResult> resolve(IdentitySpec identity, Dataset<Row> records, Optional<Dataset<Row>> previous,
            boolean full, long fresh, ProfileBuilder profiles, RunLog log) {
        List<StageResult> results = new ArrayList<>();
        long start = System.nanoTime();
        IdentityPlan plan = IdentityPlan.of(identity);
        Dataset<Row> input = plan.withRuleColumns(records);
        IdentityResolver resolver = new IdentityResolver(spark, plan.resolverPlan());
        String modelPath = modelPath(lake, identity);
        boolean incremental = previous.isPresent() && !full;
        Optional<MatchModel> priorModel = incremental && lake.exists(modelPath)
                ? Optional.of(MatchModel.fromJson(lake.readText(modelPath))) : Optional.empty();
        IdentityResolver.Result result = incremental
                ? resolver.resolve(input, Optional.of(new IdentityResolver.Prior(previous.get()
                        .select(col("record_id"), col("customer_id").as("cluster_id")), priorModel)))
                : resolver.resolve(input);
        Dataset<Row> clusters = result.clusters().transform(Checkpoints.CUT);
        log.info(String.format(java.util.Locale.ROOT, "identity %s: %s run, %,d new record(s), components in %d round(s)",
                identity.entity(), incremental ? "incremental" : "full", fresh, result.componentRounds()));

        Dataset<Row> old = previous.orElseGet(() -> spark.createDataFrame(List.of(),
                new org.apache.spark.sql.types.StructType().add("record_id", "long").add("customer_id", "long")));
        StableIds.Assignment assignment = new StableIds(spark).assign(clusters, old, nextId(identity, previous));
        Timestamp at = Timestamp.from(log.started());
        Dataset<Row> events = assignment.events().withColumn("run_id", lit(log.runId())).withColumn("at", lit(at))
                .transform(Checkpoints.CUT);
        results.add(write(log, "curated", identity.table("id_history"), events, Mode.INSERT_NEW,
                List.of("customer_id", "event"), start, "id events"));

        Dataset<Row> links = links(result.scoredPairs(), records, identity, plan);
        results.add(write(log, "curated", identity.table("links"), links, incremental ? Mode.MERGE : Mode.REPLACE,
                List.of("id_l", "id_r"), start, "compared pairs with per-field weights"));
        if (priorModel.isEmpty()) {
            lake.writeText(modelPath, result.model().toJson());
        }
        Dataset<Row> xref = assignment.xref().join(records.select("record_id", "source", "source_key"), "record_id")
                .select(col("record_id"), col("source"), col("source_key"), col("customer_id"),
                        lit(log.runId()).as("run_id"));
        results.add(write(log, "curated", identity.table("xref"), xref, Mode.MERGE_ID, List.of("record_id"), start,
                "record to customer id"));
        Dataset<Row> junk = protectedJunk(result.junk(), identity, profiles);
        results.add(write(log, "curated", identity.table("junk_identifiers"), junk, Mode.REPLACE, List.of(), start,
                "identifier values shared by more than " + identity.maxRecordsPerIdentifier() + " records"));
        reportLargeClusters(identity, log);
        return results;
    }

    /** 1 + the largest id ever in the cross-reference: ids still there, and those merged away or retired. */
    private long nextId(IdentitySpec identity, Optional<Dataset<Row>> previous) {
        long largest = previous.map(p -> maxOf(p.select(col("customer_id")))).orElse(0L);
        String history = lake.curatedTable(identity.table("id_history"));
        if (delta.exists(history)) {
            largest = Math.max(largest, maxOf(delta.read(history)
                    .where(col("event").isin(StableIds.MERGED, StableIds.RETIRED)).select(col("customer_id"))));
        }
        return largest + 1;
    }

    private static long maxOf(Dataset<Row> ids) {
        Row row = ids.agg(max(col(ids.columns()[0]))).first();
        return row.isNullAt(0) ? 0 : row.getLong(0);
    }

    private Dataset<Row> links(Dataset<Row> scored, Dataset<Row> records, IdentitySpec identity, IdentityPlan plan) {
        Dataset<Row> keysL = records.select(col("record_id").as("id_l"), col("source").as("source_l"),
                col("source_key").as("key_l"));
        Dataset<Row> keysR = records.select(col("record_id").as("id_r"), col("source").as("source_r"),
                col("source_key").as("key_r"));
        Column rule = lit(null).cast("string");
        for (int i = identity.blocking().size() - 1; i >= 0; i--) {
            rule = when(col("rule").equalTo(i), lit(String.join("+", identity.blocking().get(i)))).otherwise(rule);
        }
        Dataset<Row> named = scored.withColumn("rule", rule)
                .withColumn("linked", col("match_probability").geq(identity.threshold()));
        return named.join(keysL, "id_l").join(keysR, "id_r").select(plan.linkColumns(named));
    }

    private Dataset<Row> protectedJunk(Dataset<Row> junk, IdentitySpec identity, ProfileBuilder profiles) {
        if (junk.columns().length == 0) {
            return spark.createDataFrame(List.of(), new org.apache.spark.sql.types.StructType()
                    .add("identifier", "string").add("value_masked", "string").add("records", "long"));
        }
        Column masked = lit(null).cast("string");
        for (IdentitySpec.Field field : identity.fields().values()) {
            masked = when(col("identifier").equalTo(field.name()), profiles.masked(col("value"), field))
                    .otherwise(masked);
        }
        return junk.select(col("identifier"), masked.as("value_masked"), col("records"));
    }

    private void reportLargeClusters(IdentitySpec identity, RunLog log) {
        Dataset<Row> sizes = delta.read(lake.curatedTable(identity.table("xref"))).groupBy("customer_id")
                .agg(count(lit(1)).as("records")).where(col("records").gt(identity.maxClusterSize()));
        List<Row> largest = sizes.orderBy(col("records").desc(), col("customer_id")).limit(5).collectAsList();
        if (!largest.isEmpty()) {
            log.warn(String.format(java.util.Locale.ROOT, "identity %s: %,d customer(s) have more than %d records, "
                    + "which may be over-linking (largest: %s); see curated.%s",
                    identity.entity(), sizes.count(), identity.maxClusterSize(),
                    String.join(", ", largest.stream().map(r -> "id " + r.getLong(0) + " with " + r.getLong(1))
                            .toList()), identity.table("profile") + " where record_count > " + identity.maxClusterSize()));
        }
    }

    private StageResult profile(PipelineSpec pipeline, IdentitySpec identity, Dataset<Row> records,
            ProfileBuilder profiles, RunLog log) {
        long start = System.nanoTime();
        Dataset<Row> xref = delta.read(lake.curatedTable(identity.table("xref")));
        Dataset<Row> profile = profiles.build(pipeline, identity, records, xref);
        return write(log, "curated", identity.table("profile"), profile, Mode.REPLACE, List.of(), start,
                "golden records, PII protected");
    }

    private enum Mode { REPLACE, MERGE, MERGE_ID, INSERT_NEW }

    private StageResult write(RunLog log, String zone, String table, Dataset<Row> data, Mode mode, List<String> keys,
            long start, String note) {
        String path = zone.equals("clean") ? lake.cleanTable(table) : lake.curatedTable(table);
        WriteMetrics metrics = switch (mode) {
            case REPLACE -> delta.replace(data, path, List.of());
            case MERGE -> delta.merge(data, path, keys, DeltaTables.anyDifferent(List.of(data.columns())), List.of());
            case MERGE_ID -> delta.merge(data, path, keys, "NOT (t.customer_id <=> s.customer_id)", List.of());
            case INSERT_NEW -> delta.merge(data, path, keys, "false", List.of());
        };
        Instant now = Instant.now();
        Map<String, String> properties = new java.util.TreeMap<>(Map.of("strata.stage", "identity",
                "strata.pipeline", pipelineName));
        if (mode != Mode.REPLACE && !keys.isEmpty()) {
            properties.put("strata.keys", String.join(",", keys));
        }
        catalog.register(new TableEntry(new TableName(zone, table), path, "delta", List.of(), delta.schema(path),
                properties, now, now));
        long rows = metrics.operation().equals("MERGE") ? metrics.sourceRows() : metrics.rowsWritten();
        StageResult result = new StageResult("identity", zone + "." + table, rows, rows, 0, 0, metrics.inserted(),
                metrics.updated(), (System.nanoTime() - start) / 1e9, Map.of(), note);
        log.stage(result);
        return result;
    }
}
