package dev.strata.transforms.dimension;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A type 2 slowly changing dimension: every version of a key is kept with {@code valid_from},
 * {@code valid_to} (null while current) and {@code is_current}. Given the current table and a full
 * snapshot, returns the whole new table; pure, so the engine decides how to write it.
 */
public final class SlowlyChangingDimension {

    public static final String VALID_FROM = "valid_from";
    public static final String VALID_TO = "valid_to";
    public static final String IS_CURRENT = "is_current";

    private final List<String> keys;
    private final List<String> tracked;
    private final boolean closeMissing;

    public SlowlyChangingDimension(List<String> keys, List<String> trackedColumns) {
        this(keys, trackedColumns, true);
    }

    /**
     * @param closeMissing whether a key absent from the snapshot has its current version closed
     */
    public SlowlyChangingDimension(List<String> keys, List<String> trackedColumns, boolean closeMissing) {
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
        this.tracked = List.copyOf(Objects.requireNonNull(trackedColumns, "trackedColumns is null"));
        this.closeMissing = closeMissing;
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("a dimension needs at least one key column");
        }
    }

    /** The first load: every snapshot row becomes a current version from {@code asOf}. */
    public Dataset<Row> initial(Dataset<Row> incoming, Timestamp asOf) {
        return incoming
                .withColumn(VALID_FROM, lit(asOf))
                .withColumn(VALID_TO, lit(null).cast("timestamp"))
                .withColumn(IS_CURRENT, lit(true));
    }

    public Dataset<Row> changes(Dataset<Row> current, Dataset<Row> incoming, Timestamp asOf) {
        Objects.requireNonNull(current, "current is null");
        Objects.requireNonNull(incoming, "incoming is null");
        Objects.requireNonNull(asOf, "asOf is null");
        List<String> business = new ArrayList<>(List.of(incoming.columns()));

        Dataset<Row> history = current.where(col(IS_CURRENT).equalTo(false));
        Dataset<Row> open = current.where(col(IS_CURRENT).equalTo(true)).alias("c");
        Dataset<Row> snapshot = incoming.alias("n");

        Column sameKey = keys.stream().map(k -> col("c." + k).eqNullSafe(col("n." + k)))
                .reduce(Column::and).orElseThrow();
        Column unchanged = tracked.stream().map(c -> col("c." + c).eqNullSafe(col("n." + c)))
                .reduce(Column::and).orElse(lit(true));
        Dataset<Row> joined = open.join(snapshot, sameKey, "full_outer");
        Column inCurrent = col("c." + IS_CURRENT).isNotNull();
        Column inSnapshot = keys.stream().map(k -> col("n." + k).isNotNull()).reduce(Column::or).orElseThrow();

        List<Column> keepCurrent = new ArrayList<>();
        List<Column> closeCurrent = new ArrayList<>();
        List<Column> openNew = new ArrayList<>();
        for (String c : business) {
            keepCurrent.add(col("c." + c).as(c));
            closeCurrent.add(col("c." + c).as(c));
            openNew.add(col("n." + c).as(c));
        }
        keepCurrent.addAll(List.of(col("c." + VALID_FROM).as(VALID_FROM), col("c." + VALID_TO).as(VALID_TO),
                col("c." + IS_CURRENT).as(IS_CURRENT)));
        closeCurrent.addAll(List.of(col("c." + VALID_FROM).as(VALID_FROM), lit(asOf).as(VALID_TO),
                lit(false).as(IS_CURRENT)));
        openNew.addAll(List.of(lit(asOf).as(VALID_FROM), lit(null).cast("timestamp").as(VALID_TO),
                lit(true).as(IS_CURRENT)));

        Column keptAsIs = inCurrent.and(inSnapshot.and(unchanged).or(lit(!closeMissing).and(inSnapshot.unary_$bang())));
        Column closed = inCurrent.and(inSnapshot.and(unchanged.unary_$bang())
                .or(lit(closeMissing).and(inSnapshot.unary_$bang())));
        Column opened = inSnapshot.and(inCurrent.unary_$bang().or(unchanged.unary_$bang()));

        List<String> order = new ArrayList<>(business);
        order.addAll(List.of(VALID_FROM, VALID_TO, IS_CURRENT));
        Column[] columns = order.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return history.select(columns)
                .unionByName(joined.where(keptAsIs).select(keepCurrent.toArray(Column[]::new)))
                .unionByName(joined.where(closed).select(closeCurrent.toArray(Column[]::new)))
                .unionByName(joined.where(opened).select(openNew.toArray(Column[]::new)));
    }
}
