package dev.strata.etl.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.etl.DataQualityFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.engine.StepProfile;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.lake.WriteMetrics;
import dev.strata.etl.raw.BatchManifest;
import dev.strata.etl.raw.RawZone;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.etl.views.EventHistory;
import dev.strata.transforms.clean.CleanTransform;
import dev.strata.transforms.clean.DerivedColumn;
import dev.strata.transforms.clean.DerivedColumns;
import dev.strata.transforms.clean.DerivedFunctions;
import dev.strata.transforms.clean.RecordColumns;
import dev.strata.transforms.clean.Rule;
import dev.strata.transforms.clean.RuleKind;
import dev.strata.transforms.geo.ReferencePoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The clean stage for one source: parses the raw batches not yet cleaned, classifies every record
 * (clean, quarantined with a reason, or exact duplicate), writes quarantine and clean Delta tables
 * idempotently, and checks the ledger against the counts Delta committed.
 */
public final class CleanJob {

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;
    private final RawZone raw;
    private final CleanState state;
    private final DeltaTables delta;

    private java.util.function.Predicate<String> only = batch -> true;

    public CleanJob(SparkSession spark, Lake lake, TableCatalog catalog, RawZone raw) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.raw = Objects.requireNonNull(raw, "raw is null");
        this.state = new CleanState(lake);
        this.delta = new DeltaTables(spark);
    }

    /** Cleans only the pending batches {@code batches} accepts (a replay takes an original run's batches at a time). */
    public CleanJob only(java.util.function.Predicate<String> batches) {
        this.only = Objects.requireNonNull(batches, "batches is null");
        return this;
    }

    public StageResult run(PipelineSpec pipeline, SourceSpec source, RunLog log) {
        long start = System.nanoTime();
        String target = "clean." + source.target().table();
        Set<String> done = state.cleanedBatches(pipeline.name(), source.name());
        List<BatchManifest> pending = raw.batches(source.name()).stream()
                .filter(b -> !done.contains(b.batchId()) && only.test(b.batchId())).toList();
        if (pending.isEmpty()) {
            StageResult nothing = new StageResult("clean", target, 0, 0, 0, 0, 0, 0, seconds(start), Map.of(),
                    "no new raw batches");
            log.stage(nothing);
            return nothing;
        }
        pending.forEach(b -> log.input(b.location()));
        spark.sparkContext().setJobGroup("strata-clean-" + source.name(),
                "clean " + source.name() + ": " + pending.size() + " batch(es)", false);

        RecordReader reader = new RecordReader(spark);
        Dataset<Row> records = reader.read(source, pending);
        reader.warnings().forEach(log::warn);
        reader.notes().forEach(log::info);
        Dataset<Row> classified = new CleanTransform(source.clean(), references(source)).apply(records)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Map<String, Long>> perBatch = StepProfile.time(spark, "parse, classify and count (whole)",
                () -> countsByBatch(classified));
            Map<String, Long> ruleFailures = ruleFailures(classified);
            if (!reader.filledFiles().isEmpty()) {
                long filled = classified.where(col(RecordColumns.SOURCE_FILE).isin(reader.filledFiles().toArray()))
                        .count();
                ruleFailures = new java.util.TreeMap<>(ruleFailures);
                ruleFailures.put("schema_drift_fill_null", filled);
                log.warn("clean " + source.name() + ": " + String.format("%,d", filled) + " record(s) of "
                        + reader.filledFiles().size() + " file(s) read missing columns as null (schema_drift)");
            }
            long read = sum(perBatch, null);
            long clean = sum(perBatch, RecordColumns.CLEAN);
            long quarantined = sum(perBatch, RecordColumns.QUARANTINED);
            long duplicates = sum(perBatch, RecordColumns.DUPLICATE);
            log.info("clean " + source.name() + ": parsed " + String.format("%,d", read) + " records from "
                    + pending.size() + " batch(es)");

            String batchList = pending.stream().map(b -> "'" + b.batchId() + "'")
                    .collect(Collectors.joining(", ", RecordColumns.BATCH_ID + " IN (", ")"));
            WriteMetrics q = delta.replaceWhere(quarantineRows(classified), lake.quarantineTable(source.target().table()),
                    batchList);
            long quarantineWritten = q.rowsWritten();
            register(pipeline.name(), "quarantine", source.target().table(), lake.quarantineTable(source.target().table()),
                    List.of());

            Dataset<Row> cleanRows = derived(source, cleanRows(source, classified));
            if (!pipeline.viewsOf(source.name()).isEmpty()) {
                long changes = StepProfile.time(spark, "event history (whole)", () -> new EventHistory(spark, lake).record(source, cleanRows,
                        pending.stream().map(BatchManifest::batchId).toList(), catalog, pipeline.name()));
                log.info("clean " + source.name() + ": " + String.format("%,d", changes)
                        + " change(s) recorded in history." + source.target().table() + " for its views");
            }
            WriteMetrics c = delta.merge(cleanRows, lake.cleanTable(source.target().table()), source.clean().keys(),
                    "NOT (t." + RecordColumns.ROW_HASH + " <=> s." + RecordColumns.ROW_HASH + ")",
                    source.target().partitionBy());
            long cleanWritten = c.sourceRows();
            register(pipeline.name(), "clean", source.target().table(), lake.cleanTable(source.target().table()),
                    source.target().partitionBy());

            long inserted = c.operation().equals("MERGE") ? c.inserted() : c.rowsWritten();
            StageResult result = new StageResult("clean", target, read, cleanWritten, quarantineWritten, duplicates,
                    inserted, c.updated(), seconds(start), ruleFailures,
                    pending.size() + " batch(es)");
            if (!result.balances() || cleanWritten != clean || quarantineWritten != quarantined) {
                log.stage(result);
                throw new DataQualityFailure("the ledger of " + target + " does not balance: read " + read
                        + " != clean " + cleanWritten + " + quarantined " + quarantineWritten + " + duplicates "
                        + duplicates + " (classified: clean " + clean + ", quarantined " + quarantined + ")");
            }
            for (BatchManifest batch : pending) {
                Map<String, Long> b = perBatch.getOrDefault(batch.batchId(), Map.of());
                long br = b.values().stream().mapToLong(Long::longValue).sum();
                StageResult ledger = new StageResult("clean", target, br, b.getOrDefault(RecordColumns.CLEAN, 0L),
                        b.getOrDefault(RecordColumns.QUARANTINED, 0L), b.getOrDefault(RecordColumns.DUPLICATE, 0L),
                        0, 0, 0, Map.of(), batch.batchId());
                StepProfile.time(spark, "clean state", () -> state.markCleaned(pipeline.name(), source.name(),
                        batch.batchId(), log.runId(), ledger));
            }
            log.stage(result);
            return result;
        } finally {
            classified.unpersist();
            spark.sparkContext().clearJobGroup();
        }
    }

    private Map<String, Dataset<Row>> references(SourceSpec source) {
        Map<String, Dataset<Row>> references = new HashMap<>();
        for (Rule rule : source.clean().rules()) {
            if (rule.kind() != RuleKind.REFERENTIAL) {
                continue;
            }
            String table = rule.table().orElseThrow();
            TableEntry entry = catalog.lookup(TableName.parse(table)).orElseThrow(() -> new UserError("rule "
                    + rule.name() + " of source " + source.name() + " refers to " + table
                    + ", which is not in the catalog yet (clean that source first)"));
            references.put(table, delta.read(entry.location()));
        }
        return references;
    }

    private static Map<String, Map<String, Long>> countsByBatch(Dataset<Row> classified) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Row row : classified.groupBy(col(RecordColumns.BATCH_ID), col(RecordColumns.STATUS)).count()
                .collectAsList()) {
            counts.computeIfAbsent(row.getString(0), k -> new HashMap<>()).put(row.getString(1), row.getLong(2));
        }
        return counts;
    }

    private static Map<String, Long> ruleFailures(Dataset<Row> classified) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        Dataset<Row> failures = classified
                .select(explode(concat(col(RecordColumns.FAILURES), col(RecordColumns.WARNINGS))).as("f"))
                .groupBy(col("f.rule")).count();
        for (Row row : failures.collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }

    private static long sum(Map<String, Map<String, Long>> perBatch, String status) {
        return perBatch.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> status == null || e.getKey().equals(status))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Dataset<Row> quarantineRows(Dataset<Row> classified) {
        List<Column> columns = new ArrayList<>();
        for (String c : RecordColumns.QUARANTINE_METADATA) {
            columns.add(col(c));
        }
        return classified.where(col(RecordColumns.STATUS).equalTo(RecordColumns.QUARANTINED))
                .select(columns.toArray(Column[]::new));
    }

    private static Dataset<Row> cleanRows(SourceSpec source, Dataset<Row> classified) {
        List<Column> columns = new ArrayList<>();
        for (String f : source.clean().fieldNames()) {
            columns.add(col(f));
        }
        for (String c : RecordColumns.CLEAN_METADATA) {
            columns.add(col(c));
        }
        return classified.where(col(RecordColumns.STATUS).equalTo(RecordColumns.CLEAN))
                .select(columns.toArray(Column[]::new));
    }

    /**
     * The clean rows with the source's derived columns after the declared fields (see {@link DerivedColumns}
     * for the scope of a window: one raw batch). A source without {@code derive:} is left as it is.
     */
    private Dataset<Row> derived(SourceSpec source, Dataset<Row> cleanRows) {
        if (source.derive().isEmpty()) {
            return cleanRows;
        }
        String table = lake.cleanTable(source.target().table());
        if (delta.exists(table)) {
            Set<String> present = Set.of(delta.schema(table).fieldNames());
            List<String> missing = source.derive().stream().map(DerivedColumn::name)
                    .filter(c -> !present.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new UserError("source " + source.name() + " derives " + String.join(", ", missing)
                        + ", which clean." + source.target().table() + " does not have: it was cleaned before these"
                        + " derived columns were declared; clean it into a new lake (or a new clean table) to add them");
            }
        }
        Dataset<Row> withDerived;
        try {
            withDerived = new DerivedColumns(source.derive(), referencePoints(source)).apply(cleanRows);
        } catch (IllegalArgumentException e) {
            throw new UserError("source " + source.name() + ": " + e.getMessage()
                    + " (a derived expression may use the declared fields and the derived columns before it)");
        }
        List<Column> columns = new ArrayList<>();
        source.columns().forEach(c -> columns.add(col(c)));
        RecordColumns.CLEAN_METADATA.forEach(c -> columns.add(col(c)));
        return withDerived.select(columns.toArray(Column[]::new));
    }

    /**
     * The points of each table a derived column's {@code nearest_point} reads (its {@code latitude} and
     * {@code longitude} columns, keyed by the named column), collected once: a reference table is small.
     */
    private Map<DerivedFunctions.Reference, ReferencePoints> referencePoints(SourceSpec source) {
        Map<DerivedFunctions.Reference, ReferencePoints> points = new HashMap<>();
        for (DerivedColumn d : source.derive()) {
            for (DerivedFunctions.Reference r : DerivedFunctions.references(d.expression())) {
                if (points.containsKey(r)) {
                    continue;
                }
                String where = "derived column " + d.name() + " of source " + source.name();
                TableEntry entry = catalog.lookup(TableName.parse(r.table())).orElseThrow(() -> new UserError(where
                        + " reads " + r.table() + ", which is not in the catalog yet (clean that source first)"));
                Dataset<Row> table = delta.read(entry.location());
                Set<String> columns = Set.of(table.columns());
                List<String> missing = java.util.stream.Stream.of(r.keyColumn(), "latitude", "longitude")
                        .filter(c -> !columns.contains(c)).toList();
                if (!missing.isEmpty()) {
                    throw new UserError(where + " reads " + r.table() + ", which has no column " + String.join(", ",
                            missing) + " (nearest_point needs the key column and latitude and longitude in degrees)");
                }
                List<ReferencePoints.Point> list = new ArrayList<>();
                for (Row row : table.where(col(r.keyColumn()).isNotNull().and(col("latitude").isNotNull())
                        .and(col("longitude").isNotNull()))
                        .select(col(r.keyColumn()).cast("string"), col("latitude").cast("double"),
                                col("longitude").cast("double")).collectAsList()) {
                    list.add(new ReferencePoints.Point(row.getString(0), row.getDouble(1), row.getDouble(2)));
                }
                points.put(r, new ReferencePoints(r.table(), list));
            }
        }
        return points;
    }

    private void register(String pipeline, String zone, String table, String location, List<String> partitionBy) {
        Instant now = Instant.now();
        TableEntry entry = new TableEntry(new TableName(zone, table), location, "delta", partitionBy,
                delta.schema(location), Map.of("strata.pipeline", pipeline), now, now);
        StepProfile.time(spark, "catalog register", () -> catalog.register(entry));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
