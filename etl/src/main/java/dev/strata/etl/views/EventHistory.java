package dev.strata.etl.views;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.transforms.clean.RecordColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The master data set of a source's views: an append-only Delta table of every change the clean stage
 * made to the clean table. A new record is one row with {@code _change = +1}; an update is the old version
 * with {@code -1} and the new one with {@code +1}; a record delivered again unchanged adds nothing. Every
 * row carries {@code _at}, when the change entered the history (its ingest time into the master data set);
 * the views' watermarks are on it, so an event is placed by when it arrived, never by its event time.
 *
 * <p>The clean table changes by MERGE, which a streaming reader cannot follow; this table only grows.
 */
public final class EventHistory {

    /** +1 for a version that became live, -1 for the version it replaced. */
    public static final String CHANGE = "_change";
    /** When the change entered the history (UTC), strictly increasing from one clean run to the next. */
    public static final String AT = "_at";

    private final SparkSession spark;
    private final Lake lake;
    private final DeltaTables delta;

    public EventHistory(SparkSession spark, Lake lake) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.delta = new DeltaTables(spark);
    }

    public String location(SourceSpec source) {
        return lake.historyTable(source.target().table());
    }

    /**
     * Records the changes that {@code incoming} (the clean rows of {@code batchIds}, one per key) is about to
     * make to the clean table; call it before the MERGE. A batch already in the history is skipped, so a
     * rerun after a crash records nothing twice.
     *
     * @return the number of history rows appended
     */
    public long record(SourceSpec source, Dataset<Row> incoming, List<String> batchIds, TableCatalog catalog,
            String pipeline) {
        String history = location(source);
        String clean = lake.cleanTable(source.target().table());
        boolean cleanExists = delta.exists(clean);
        if (!delta.exists(history) && cleanExists) {
            seed(history, clean);
        }
        Set<String> recorded = recordedBatches(history, batchIds);
        List<String> pending = batchIds.stream().filter(b -> !recorded.contains(b)).toList();
        if (pending.isEmpty()) {
            return 0;
        }
        Dataset<Row> arriving = incoming.where(col(RecordColumns.BATCH_ID).isin(pending.toArray()));
        Timestamp at = Timestamp.from(nextAt(history));
        Dataset<Row> changes;
        if (cleanExists) {
            Dataset<Row> current = delta.read(clean).select(java.util.Arrays.stream(incoming.columns())
                    .map(c -> col("`" + c + "`")).toArray(Column[]::new));
            Column sameKey = keys(source).stream()
                    .map(k -> current.col("`" + k + "`").eqNullSafe(arriving.col("`" + k + "`")))
                    .reduce(Column::and).orElseThrow();
            Column sameVersion = current.col(RecordColumns.ROW_HASH).eqNullSafe(arriving.col(RecordColumns.ROW_HASH));
            Dataset<Row> replaced = current.join(arriving, sameKey.and(sameVersion.unary_$bang()), "left_semi");
            Dataset<Row> newVersions = arriving.join(current, sameKey.and(sameVersion), "left_anti");
            changes = newVersions.withColumn(CHANGE, lit(1))
                    .unionByName(replaced.withColumn(CHANGE, lit(-1)));
        } else {
            changes = arriving.withColumn(CHANGE, lit(1));
        }
        long before = delta.version(history);
        delta.append(changes.withColumn(AT, lit(at)), history, List.of());
        register(catalog, pipeline, source, history);
        return delta.version(history) > before ? delta.lastCommit(history).rowsWritten() : 0;
    }

    /** A history started for a clean table that already had rows: each row enters at its own ingest time. */
    private void seed(String history, String clean) {
        Dataset<Row> current = delta.read(clean);
        delta.append(current.withColumn(CHANGE, lit(1)).withColumn(AT, col(RecordColumns.INGESTED_AT)), history,
                List.of());
    }

    private Set<String> recordedBatches(String history, List<String> batchIds) {
        if (!delta.exists(history)) {
            return Set.of();
        }
        return delta.read(history).where(col(RecordColumns.BATCH_ID).isin(batchIds.toArray()))
                .select(RecordColumns.BATCH_ID).distinct().collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toCollection(HashSet::new));
    }

    /** Now, or just after the latest change recorded when the clock is behind it. */
    private Instant nextAt(String history) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!delta.exists(history)) {
            return now;
        }
        Row last = delta.read(history).agg(max(col(AT))).first();
        if (last.isNullAt(0)) {
            return now;
        }
        Instant latest = last.getTimestamp(0).toInstant();
        return now.isAfter(latest) ? now : latest.plus(1, ChronoUnit.MICROS);
    }

    private static List<String> keys(SourceSpec source) {
        return new ArrayList<>(source.clean().keys());
    }

    private void register(TableCatalog catalog, String pipeline, SourceSpec source, String history) {
        Instant now = Instant.now();
        catalog.register(new TableEntry(new TableName("history", source.target().table()), history, "delta",
                List.of(), delta.schema(history), Map.of("strata.pipeline", pipeline), now, now));
    }

    /** The history of a source, read whole. */
    public Dataset<Row> read(SourceSpec source) {
        return delta.read(location(source));
    }

    public boolean exists(SourceSpec source) {
        return delta.exists(location(source));
    }

    SparkSession spark() {
        return spark;
    }
}
