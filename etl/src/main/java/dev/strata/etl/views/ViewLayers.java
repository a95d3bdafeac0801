package dev.strata.etl.views;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.etl.spec.ViewSpec;
import dev.strata.etl.spec.ViewSpec.Aggregate;
import dev.strata.etl.spec.ViewSpec.Measure;
import dev.strata.transforms.clean.RecordColumns;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The three layers of a view. With H the source's event history and w the batch watermark on its
 * {@code _at}: batch B = parts(H where _at &lt;= w), recomputed whole; speed R = parts of what arrived after
 * w, added incrementally by a Structured Streaming query ({@code Trigger.AvailableNow}, checkpoint in the
 * lake, one idempotent Delta commit per micro-batch); serving S = B &oplus; R. When the watermark moves,
 * the speed layer drops its rows at or before it, so nothing is counted twice or missed.
 *
 * <p>What a speed run costs follows what arrived, not the history: it reads only the history's commits after
 * the last batch (or after its checkpoint), and it serves by replacing just the groups the new rows touch. The
 * batch and serving tables are written sorted by the dimensions in files of at most {@value #FILE_ROWS} rows, so
 * that replacing a few groups reads and rewrites only the few files that hold them.
 */
public final class ViewLayers {

    /** Spark setting: history files per speed micro-batch (Delta's default is 1000). */
    public static final String MAX_FILES_PER_TRIGGER = "spark.strata.views.maxFilesPerTrigger";
    /** Rows per file of the batch and serving tables, which are clustered by the view's dimensions. */
    static final int FILE_ROWS = 100_000;
    private static final String WATERMARK = "watermark=";
    private static final String ABSORBED = "history_version=";
    private static final String COVERED = "covered_to=";
    private static final String COMMIT_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

    private final SparkSession spark;
    private final Lake lake;
    private final TableCatalog catalog;
    private final PipelineSpec pipeline;
    private final DeltaTables delta;
    private final EventHistory history;

    public ViewLayers(SparkSession spark, Lake lake, TableCatalog catalog, PipelineSpec pipeline) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline is null");
        this.delta = new DeltaTables(spark);
        this.history = new EventHistory(spark, lake);
    }

    /** What one layer operation did. */
    public record LayerResult(String view, String layer, long historyRows, long partRows, long servedRows,
            Optional<Instant> watermark, Optional<Instant> coveredTo, double seconds) {
    }

    public String batchTable(ViewSpec view) {
        return lake.view(pipeline.name(), view.name()) + "/batch";
    }

    public String speedTable(ViewSpec view) {
        return lake.view(pipeline.name(), view.name()) + "/speed";
    }

    public String servingTable(ViewSpec view) {
        return servingLocation(lake, pipeline.name(), view.name());
    }

    /** Where the serving layer of a pipeline's view is, without a session: to check that it was built. */
    public static String servingLocation(Lake lake, String pipeline, String view) {
        return lake.view(pipeline, view) + "/serving";
    }

    private String checkpoint(ViewSpec view) {
        return lake.view(pipeline.name(), view.name()) + "/_speed_checkpoint";
    }

    private SourceSpec source(ViewSpec view) {
        return pipeline.source(view.source()).orElseThrow();
    }

    private Dataset<Row> events(ViewSpec view) {
        SourceSpec source = source(view);
        if (!history.exists(source)) {
            throw new UserError("view " + view.name() + ": source " + source.name() + " has no event history yet;"
                    + " run the pipeline (strata run --spec " + pipeline.name() + ") or its clean stage first");
        }
        return history.read(source);
    }

    /**
     * Recomputes the batch layer from the whole history up to {@code watermark} (default: everything in it),
     * records the watermark in the same commit, drops what it absorbed from the speed layer, and serves.
     */
    public LayerResult batch(ViewSpec view, Optional<Instant> watermark) {
        long start = System.nanoTime();
        events(view);
        // one snapshot of the history for the watermark, the parts and the counts alike
        String historyTable = history.location(source(view));
        long version = delta.version(historyTable);
        Dataset<Row> events = spark.read().format("delta").option("versionAsOf", version).load(historyTable);
        // without a watermark given, one job finds it and counts what it absorbs (every event of the snapshot)
        Row last = watermark.isPresent() ? null
                : events.agg(functions.max(col(EventHistory.AT)), functions.count(lit(1))).first();
        Instant w = watermark.orElseGet(() -> last.isNullAt(0) ? Instant.EPOCH : last.getTimestamp(0).toInstant());
        Optional<Instant> previous = watermark(view);
        if (previous.isPresent() && w.isBefore(previous.get())) {
            throw new UserError("view " + view.name() + ": the watermark cannot move back from " + previous.get()
                    + " to " + w + " (the speed layer has dropped what the batch absorbed)");
        }
        ViewPlan plan = new ViewPlan(view);
        Dataset<Row> absorbed = events.where(col(EventHistory.AT).leq(lit(Timestamp.from(w))));
        Dataset<Row> parts = plan.parts(absorbed);
        // without a watermark given, the batch absorbs every commit of the snapshot: a speed run may start after it
        String metadata = WATERMARK + w + (watermark.isEmpty() ? ";" + ABSORBED + version : "");
        clustered(parts, plan).write().format("delta").mode("overwrite").option("overwriteSchema", "true")
                .option("maxRecordsPerFile", FILE_ROWS).option("userMetadata", metadata).save(batchTable(view));
        // the overwrite's commit says how many rows the table now holds: no job to count them again
        long partRows = delta.lastCommit(batchTable(view)).rowsWritten();
        if (delta.exists(speedTable(view))) {
            DeltaTable.forPath(spark, speedTable(view)).delete(col(EventHistory.AT).leq(lit(Timestamp.from(w))));
        }
        long historyRows = last != null ? last.getLong(1) : absorbed.count();
        LayerResult served = serve(view);
        return new LayerResult(view.name(), "batch", historyRows, partRows, served.servedRows(), Optional.of(w),
                served.coveredTo(), seconds(start));
    }

    /** The batch layer's watermark, or empty before the first batch. */
    public Optional<Instant> watermark(ViewSpec view) {
        return metadata(batchTable(view), WATERMARK).map(Instant::parse);
    }

    /** The value of {@code key} in the metadata of the table's last write or merge. */
    private Optional<String> metadata(String table, String key) {
        Optional<String> last = delta.lastUserMetadata(table, COMMITS_WITH_METADATA);
        for (String part : last.map(m -> m.split(";")).orElse(new String[0])) {
            if (part.startsWith(key)) {
                return Optional.of(part.substring(key.length()));
            }
        }
        return Optional.empty();
    }

    /** The operations whose commits carry a layer's metadata (writes and the serving MERGE). */
    private static final java.util.Set<String> COMMITS_WITH_METADATA = java.util.Set.of("WRITE",
            "CREATE OR REPLACE TABLE AS SELECT", "CREATE TABLE AS SELECT", "MERGE");

    /**
     * Adds to the speed layer what arrived in the history since the last speed run and after the watermark,
     * then serves. A run killed half-way is rerun safely: the checkpoint and Delta's transaction ids make
     * each micro-batch land exactly once.
     */
    public LayerResult speed(ViewSpec view) {
        long start = System.nanoTime();
        Dataset<Row> events = events(view);
        Optional<Instant> w = watermark(view);
        ViewPlan plan = new ViewPlan(view);
        String target = speedTable(view);
        String historyTable = history.location(source(view));
        // the last batch absorbed every commit up to this one: what is new starts after it
        Optional<Long> absorbed = metadata(batchTable(view), ABSORBED).map(Long::parseLong);
        String appId = "strata-speed-" + pipeline.name() + "-" + view.name();
        long[] seen = {0};
        VoidFunction2<Dataset<Row>, Long> landing = (micro, id) -> {
            Dataset<Row> fresh = w.isEmpty() ? micro
                    : micro.where(col(EventHistory.AT).gt(lit(Timestamp.from(w.get()))));
            Dataset<Row> parts = plan.parts(fresh, EventHistory.AT);
            parts.write().format("delta").mode("append").option("txnAppId", appId).option("txnVersion", id)
                    .save(target);
            seen[0] += micro.count();
        };
        if (absorbed.isEmpty() || delta.version(historyTable) > absorbed.get()) {
            try {
                org.apache.spark.sql.streaming.DataStreamReader reader = spark.readStream().format("delta");
                String perTrigger = spark.conf().get(MAX_FILES_PER_TRIGGER, "");
                if (!perTrigger.isBlank()) {
                    reader = reader.option("maxFilesPerTrigger", perTrigger);
                }
                if (absorbed.isPresent()) {
                    // used only by a query without a checkpoint yet, which would otherwise read the whole history
                    reader = reader.option("startingVersion", absorbed.get() + 1);
                }
                StreamingQuery query = reader.load(historyTable).writeStream()
                        .queryName("strata_speed_" + view.name()).trigger(Trigger.AvailableNow())
                        .option("checkpointLocation", checkpoint(view)).foreachBatch(landing).start();
                query.awaitTermination();
            } catch (TimeoutException e) {
                throw new ServiceFailure("view " + view.name() + ": the speed layer's query did not start: "
                        + e.getMessage(), e);
            } catch (StreamingQueryException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new ServiceFailure("view " + view.name() + ": the speed layer failed: " + cause.getMessage(), e);
            }
        }
        if (!delta.exists(target) && events.isEmpty()) {
            return new LayerResult(view.name(), "speed", 0, 0, 0, w, Optional.empty(), seconds(start));
        }
        long partRows = delta.exists(target) ? delta.read(target).count() : 0;
        LayerResult served = serveArrived(view);
        return new LayerResult(view.name(), "speed", seen[0], partRows, served.servedRows(), w, served.coveredTo(),
                seconds(start));
    }

    /**
     * Brings the serving table up to the speed rows that arrived after what it covers, group by group: every
     * group they touch is merged again from its batch and speed parts and replaces its served row (or is removed
     * when no live row is left) in one MERGE, which reads and rewrites only the files holding those groups. Serves
     * whole when there is no serving table yet or it has another shape (a changed view).
     */
    private LayerResult serveArrived(ViewSpec view) {
        long start = System.nanoTime();
        ViewPlan plan = new ViewPlan(view);
        List<String> dims = plan.dimensionNames();
        Optional<Instant> served = metadata(servingTable(view), COVERED).map(Instant::parse);
        Optional<Instant> w = watermark(view);
        if (served.isEmpty() || dims.isEmpty() || w.isPresent() && served.get().isBefore(w.get())) {
            return serve(view);
        }
        if (!delta.exists(speedTable(view))) {
            return new LayerResult(view.name(), "serving", 0, 0, delta.read(servingTable(view)).count(), w, served,
                    seconds(start));
        }
        Dataset<Row> speed = speedRows(view, w);
        Dataset<Row> arrived = speed.where(col(EventHistory.AT).gt(lit(Timestamp.from(served.get()))));
        List<Column> bounds = new ArrayList<>();
        bounds.add(functions.max(col(EventHistory.AT)));
        for (String d : dims) {
            bounds.add(functions.min(col("`" + d + "`")));
            bounds.add(functions.max(col("`" + d + "`")));
            bounds.add(functions.max(col("`" + d + "`").isNull()));
        }
        Row range = arrived.agg(bounds.get(0), bounds.subList(1, bounds.size()).toArray(Column[]::new)).first();
        if (range.isNullAt(0)) {
            return new LayerResult(view.name(), "serving", 0, 0, delta.read(servingTable(view)).count(), w, served,
                    seconds(start));
        }
        Instant covered = range.getTimestamp(0).toInstant();
        covered = covered.isAfter(served.get()) ? covered : served.get();

        Dataset<Row> touched = arrived.select(dims.stream().map(d -> col("`" + d + "`")).toArray(Column[]::new))
                .distinct();
        List<Dataset<Row>> layers = new ArrayList<>();
        if (delta.exists(batchTable(view))) {
            layers.add(delta.read(batchTable(view)).where(within(dims, arrived.schema(), range, "")));
        }
        layers.add(speed.where(within(dims, arrived.schema(), range, "")).drop(EventHistory.AT));
        Dataset<Row> parts = layers.stream().reduce(Dataset::unionByName).orElseThrow();
        Dataset<Row> changed = plan.servedWithRows(plan.merge(parts.as("p").join(functions.broadcast(touched.as("g")),
                sameGroup(dims, "p.", "g."), "left_semi")));

        StructType shape = delta.schema(servingTable(view));
        if (!sameShape(shape, changed.drop(ViewPlan.ROWS).schema())) {
            return serve(view);
        }
        Map<String, Column> values = new LinkedHashMap<>();
        for (String c : shape.fieldNames()) {
            values.put("`" + c + "`", col("s.`" + c + "`"));
        }
        Column live = col("s.`" + ViewPlan.ROWS + "`");
        String previous = spark.conf().get(COMMIT_METADATA, null);
        spark.conf().set(COMMIT_METADATA, COVERED + covered);
        try {
            DeltaTable.forPath(spark, servingTable(view)).as("t").merge(changed.as("s"),
                    within(dims, arrived.schema(), range, "t.").and(sameGroup(dims, "t.", "s.")))
                    .whenMatched(live.leq(0)).delete()
                    .whenMatched().update(values)
                    .whenNotMatched(live.gt(0)).insert(values)
                    .execute();
        } finally {
            if (previous == null) {
                spark.conf().unset(COMMIT_METADATA);
            } else {
                spark.conf().set(COMMIT_METADATA, previous);
            }
        }
        register(view, Optional.of(covered));
        return new LayerResult(view.name(), "serving", 0, 0, delta.read(servingTable(view)).count(), w,
                Optional.of(covered), seconds(start));
    }

    /** The speed layer's rows after the watermark (a batch that stopped before dropping the rest leaves some). */
    private Dataset<Row> speedRows(ViewSpec view, Optional<Instant> watermark) {
        Dataset<Row> speed = delta.read(speedTable(view));
        return watermark.isEmpty() ? speed : speed.where(col(EventHistory.AT).gt(lit(Timestamp.from(watermark.get()))));
    }

    /**
     * True within the bounds of the touched groups on every dimension that has an order (a literal range
     * Delta skips files with), for the columns of {@code table} ({@code ""} or an alias with its dot).
     */
    private static Column within(List<String> dims, StructType schema, Row range, String table) {
        Column all = lit(true);
        for (int i = 0; i < dims.size(); i++) {
            DataType type = schema.apply(dims.get(i)).dataType();
            if (!(type instanceof NumericType || type instanceof StringType || type instanceof DateType
                    || type instanceof TimestampType || type instanceof BooleanType)) {
                continue;
            }
            Column c = col(table + "`" + dims.get(i) + "`");
            int at = 1 + 3 * i;
            Column inside = range.isNullAt(at) ? lit(false) : c.between(lit(range.get(at)), lit(range.get(at + 1)));
            all = all.and(!range.isNullAt(at + 2) && range.getBoolean(at + 2) ? inside.or(c.isNull()) : inside);
        }
        return all;
    }

    private static Column sameGroup(List<String> dims, String left, String right) {
        return dims.stream().map(d -> col(left + "`" + d + "`").eqNullSafe(col(right + "`" + d + "`")))
                .reduce(Column::and).orElse(lit(true));
    }

    private static boolean sameShape(StructType table, StructType rows) {
        if (table.size() != rows.size()) {
            return false;
        }
        for (org.apache.spark.sql.types.StructField f : rows.fields()) {
            if (!java.util.Arrays.asList(table.fieldNames()).contains(f.name())
                    || !table.apply(f.name()).dataType().sameType(f.dataType())) {
                return false;
            }
        }
        return true;
    }

    /** Sorted by the dimensions, so that each file of the table holds a narrow range of groups. */
    private static Dataset<Row> clustered(Dataset<Row> rows, ViewPlan plan) {
        List<String> dims = plan.dimensionNames();
        return dims.isEmpty() ? rows : rows.orderBy(dims.stream().map(d -> col("`" + d + "`")).toArray(Column[]::new));
    }

    /** Merges the batch and speed layers into the serving table and registers it as {@code views.NAME}. */
    public LayerResult serve(ViewSpec view) {
        long start = System.nanoTime();
        ViewPlan plan = new ViewPlan(view);
        List<Dataset<Row>> layers = new ArrayList<>();
        Optional<Instant> w = watermark(view);
        Optional<Instant> covered = w;
        if (delta.exists(batchTable(view))) {
            layers.add(delta.read(batchTable(view)));
        }
        if (delta.exists(speedTable(view))) {
            Dataset<Row> speed = speedRows(view, w);
            Row last = speed.agg(functions.max(col(EventHistory.AT))).first();
            if (!last.isNullAt(0)) {
                Instant at = last.getTimestamp(0).toInstant();
                covered = Optional.of(covered.filter(c -> c.isAfter(at)).orElse(at));
            }
            layers.add(speed.drop(EventHistory.AT));
        }
        if (layers.isEmpty()) {
            throw new UserError("view " + view.name() + " has no batch or speed layer yet: run strata views batch");
        }
        Dataset<Row> all = layers.stream().reduce(Dataset::unionByName).orElseThrow();
        Dataset<Row> served = plan.serve(plan.merge(all));
        clustered(served, plan).write().format("delta").mode("overwrite").option("overwriteSchema", "true")
                .option("maxRecordsPerFile", FILE_ROWS).option("userMetadata", COVERED + covered.orElse(Instant.EPOCH))
                .save(servingTable(view));
        register(view, covered);
        long rows = delta.lastCommit(servingTable(view)).rowsWritten();
        return new LayerResult(view.name(), "serving", 0, 0, rows, watermark(view), covered, seconds(start));
    }

    private void register(ViewSpec view, Optional<Instant> covered) {
        Instant now = Instant.now();
        catalog.register(new TableEntry(new TableName("views", view.name()), servingTable(view), "delta", List.of(),
                delta.schema(servingTable(view)), Map.of("strata.pipeline", pipeline.name(),
                        "strata.view.covered_to", String.valueOf(covered.orElse(Instant.EPOCH))), now, now));
    }

    /** The serving table, filtered and ordered by the dimensions. */
    public Dataset<Row> query(ViewSpec view, Optional<String> where) {
        if (!delta.exists(servingTable(view))) {
            throw new UserError("view " + view.name() + " is not built yet: run strata views batch --spec "
                    + pipeline.name());
        }
        Dataset<Row> served = delta.read(servingTable(view));
        if (where.isPresent()) {
            try {
                served = served.where(functions.expr(where.get()));
            } catch (Exception e) {
                if (!(e instanceof org.apache.spark.sql.AnalysisException) && !(e instanceof IllegalArgumentException)
                        && !e.getClass().getName().contains("ParseException")) {
                    throw e;
                }
                throw new UserError("--where " + where.get() + ": " + e.getMessage().split("\n")[0]);
            }
        }
        return served.orderBy(new ViewPlan(view).dimensionNames().stream().map(d -> col("`" + d + "`"))
                .toArray(Column[]::new));
    }

    /** The outcome of recomputing a view from the history and comparing it with what is served. */
    public record Verification(String view, Instant coveredTo, long servedRows, long expectedRows, long mismatches,
            List<String> differences, long notYetServed) {
        public boolean passed() {
            return mismatches == 0;
        }
    }

    /**
     * Recomputes the view directly from the history up to what the serving layer covers (the live version of
     * each event key for count, sum and quantiles; every arrived version for min, max and distinct counts,
     * counted exactly) and compares: exact equality, and for distinct counts the sketch's bound.
     */
    public Verification verify(ViewSpec view, int maxDifferences) {
        Dataset<Row> events = events(view);
        if (!delta.exists(servingTable(view))) {
            throw new UserError("view " + view.name() + " is not built yet: run strata views batch --spec "
                    + pipeline.name());
        }
        Instant covered = metadata(servingTable(view), COVERED).map(Instant::parse).orElse(Instant.EPOCH);
        Column upTo = col(EventHistory.AT).leq(lit(Timestamp.from(covered)));
        long notYet = events.where(upTo.unary_$bang()).count();
        ViewPlan plan = new ViewPlan(view);
        Dataset<Row> expected = plan.serve(exact(plan, events.where(upTo)));
        Dataset<Row> actual = delta.read(servingTable(view));
        List<String> dims = plan.dimensionNames();
        List<String> measures = plan.servedMeasures();
        Dataset<Row> e = prefixed(expected, "e_");
        Dataset<Row> a = prefixed(actual, "a_");
        Column on = dims.stream().map(d -> col("e_" + d).eqNullSafe(col("a_" + d))).reduce(Column::and)
                .orElse(lit(true));
        Dataset<Row> joined = e.join(a, on, "full_outer");
        Column missing = col("e_" + ViewPlan.ROWS + "_present").isNull().or(col("a_" + ViewPlan.ROWS + "_present").isNull());
        Column differs = missing;
        Map<String, Column> perColumn = new LinkedHashMap<>();
        for (String m : measures) {
            Column ec = col("e_" + m);
            Column ac = col("a_" + m);
            Column bad = isDistinct(view, m)
                    ? functions.abs(ec.minus(ac)).gt(functions.greatest(lit(1.0), ec.multiply(ViewPlan.HLL_BOUND)))
                    .or(ec.isNull().notEqual(ac.isNull()))
                    : ec.eqNullSafe(ac).unary_$bang();
            perColumn.put(m, bad);
            differs = differs.or(functions.coalesce(bad, lit(true)));
        }
        Dataset<Row> wrong = joined.where(differs);
        long mismatches = wrong.count();
        List<String> differences = new ArrayList<>();
        for (Row row : wrong.limit(maxDifferences).collectAsList()) {
            differences.add(describe(row, dims, measures, view));
        }
        return new Verification(view.name(), covered, actual.count(), expected.count(), mismatches, differences,
                notYet);
    }

    private static boolean isDistinct(ViewSpec view, String measure) {
        return view.measures().stream().anyMatch(m -> m.name().equals(measure)
                && m.aggregate() == Aggregate.COUNT_DISTINCT);
    }

    private static Dataset<Row> prefixed(Dataset<Row> rows, String prefix) {
        List<Column> columns = new ArrayList<>();
        for (String c : rows.columns()) {
            columns.add(col("`" + c + "`").as(prefix + c));
        }
        columns.add(lit(true).as(prefix + ViewPlan.ROWS + "_present"));
        return rows.select(columns.toArray(Column[]::new));
    }

    private static String describe(Row row, List<String> dims, List<String> measures, ViewSpec view) {
        StringBuilder key = new StringBuilder();
        boolean expectedPresent = !row.isNullAt(row.fieldIndex("e_" + ViewPlan.ROWS + "_present"));
        boolean actualPresent = !row.isNullAt(row.fieldIndex("a_" + ViewPlan.ROWS + "_present"));
        for (String d : dims) {
            Object value = expectedPresent ? row.get(row.fieldIndex("e_" + d)) : row.get(row.fieldIndex("a_" + d));
            key.append(key.length() == 0 ? "" : ", ").append(d).append('=').append(value);
        }
        if (!expectedPresent) {
            return "{" + key + "}: served but not in the recomputation";
        }
        if (!actualPresent) {
            return "{" + key + "}: in the recomputation but not served";
        }
        StringBuilder diff = new StringBuilder();
        for (String m : measures) {
            Object ev = row.get(row.fieldIndex("e_" + m));
            Object av = row.get(row.fieldIndex("a_" + m));
            if (!Objects.equals(ev, av)) {
                diff.append(diff.length() == 0 ? "" : "; ").append(m).append(" served ").append(av)
                        .append(", recomputed ").append(ev);
            }
        }
        return "{" + key + "}: " + diff;
    }

    /**
     * The view's merged parts computed straight from the history, without signed arithmetic: the live version
     * of each key (the latest that arrived) for the invertible measures, every arrived version for min, max
     * and distinct counts (exact, not sketched).
     */
    private Dataset<Row> exact(ViewPlan plan, Dataset<Row> events) {
        SourceSpec source = source(plan.view());
        Dataset<Row> arrived = events.where(col(EventHistory.CHANGE).equalTo(1));
        Column[] keys = source.clean().keys().stream().map(k -> col("`" + k + "`")).toArray(Column[]::new);
        Dataset<Row> live = arrived.withColumn("_latest", row_number().over(Window.partitionBy(keys)
                .orderBy(col(EventHistory.AT).desc(), col(RecordColumns.BATCH_ID).desc(),
                        col(RecordColumns.LINE_NUMBER).desc())))
                .where(col("_latest").equalTo(1)).drop("_latest");
        Dataset<Row> invertible = plan.parts(live);
        List<Column> others = new ArrayList<>();
        for (Measure m : plan.view().measures()) {
            if (m.aggregate().invertible()) {
                continue;
            }
            Column w = m.where().map(x -> functions.coalesce(functions.expr(x), lit(false))).orElse(lit(true));
            Column v = functions.when(w, functions.expr(m.expression().orElseThrow()));
            invertible = invertible.drop(m.name());
            others.add(switch (m.aggregate()) {
                case MIN -> functions.min(v).as(m.name());
                case MAX -> functions.max(v).as(m.name());
                default -> functions.countDistinct(v.cast("string")).cast("long").as(m.name());
            });
        }
        if (others.isEmpty()) {
            return invertible;
        }
        List<String> dims = plan.dimensionNames();
        Column[] groups = dims.stream().map(d -> col("`" + d + "`")).toArray(Column[]::new);
        Dataset<Row> rest = prefixed(plan.withDimensions(arrived).groupBy(groups)
                .agg(others.get(0), others.subList(1, others.size()).toArray(Column[]::new)), "o_");
        Dataset<Row> signedFree = invertible;
        Column on = dims.stream().map(d -> signedFree.col("`" + d + "`").eqNullSafe(col("o_" + d)))
                .reduce(Column::and).orElse(lit(true));
        Dataset<Row> joined = signedFree.join(rest, on, "left");
        for (Measure m : plan.view().measures()) {
            if (!m.aggregate().invertible()) {
                joined = joined.withColumnRenamed("o_" + m.name(), m.name());
            }
        }
        List<String> drop = new ArrayList<>();
        for (String c : joined.columns()) {
            if (c.startsWith("o_")) {
                drop.add(c);
            }
        }
        return joined.drop(drop.toArray(String[]::new));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
