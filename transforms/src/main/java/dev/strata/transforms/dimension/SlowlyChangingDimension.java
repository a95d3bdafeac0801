package dev.strata.transforms.dimension;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A type 2 slowly changing dimension: every version of a key is kept, with {@code valid_from},
 * {@code valid_to} (null while current) and {@code is_current}. Given the current dimension and a full
 * snapshot of the business columns, {@link #changes} returns the whole new dimension; it is pure (no
 * I/O, no action), so the engine decides how to write it.
 *
 * <ul>
 *   <li>a current version whose tracked columns equal the snapshot's (null-safely) is kept as it is,
 *       untracked columns included;</li>
 *   <li>a key whose tracked columns differ has its current version closed ({@code valid_to = asOf},
 *       {@code is_current = false}) and gets a new current version from {@code asOf};</li>
 *   <li>a key new in the snapshot gets a current version from {@code asOf};</li>
 *   <li>a key missing from the snapshot has its current version closed at {@code asOf}, unless
 *       {@code closeMissing} is false, in which case it stays current;</li>
 *   <li>closed versions pass through untouched.</li>
 * </ul>
 *
 * Running again with the same snapshot and a later {@code asOf} returns the same table. Keys are
 * compared null-safely and must be unique in the snapshot. The new table has the current dimension's
 * business columns in their order, then any column new in the snapshot (null in older versions), then
 * {@code valid_from}, {@code valid_to}, {@code is_current}; a column the snapshot no longer has is kept,
 * null in new versions.
 */
public final class SlowlyChangingDimension {

    public static final String VALID_FROM = "valid_from";
    public static final String VALID_TO = "valid_to";
    public static final String IS_CURRENT = "is_current";

    private static final List<String> VERSION_COLUMNS = List.of(VALID_FROM, VALID_TO, IS_CURRENT);
    private static final String IN_CURRENT = "_scd_in_current";
    private static final String IN_SNAPSHOT = "_scd_in_snapshot";
    private static final String VERSION = "_scd_version";

    private final List<String> keys;
    private final List<String> trackedColumns;
    private final boolean closeMissing;

    /** A dimension that closes the current version of a key missing from the snapshot. */
    public SlowlyChangingDimension(List<String> keys, List<String> trackedColumns) {
        this(keys, trackedColumns, true);
    }

    /**
     * @param keys the business key columns; at least one
     * @param trackedColumns the columns whose change makes a new version; others are carried along
     * @param closeMissing whether a key absent from the snapshot has its current version closed
     */
    public SlowlyChangingDimension(List<String> keys, List<String> trackedColumns, boolean closeMissing) {
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
        this.trackedColumns = List.copyOf(Objects.requireNonNull(trackedColumns, "trackedColumns is null"));
        this.closeMissing = closeMissing;
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("a dimension needs at least one key column");
        }
    }

    public List<String> keys() {
        return keys;
    }

    public List<String> trackedColumns() {
        return trackedColumns;
    }

    public boolean closeMissing() {
        return closeMissing;
    }

    /** The first load: every snapshot row becomes a current version from {@code asOf}. */
    public Dataset<Row> initial(Dataset<Row> incoming, Timestamp asOf) {
        Objects.requireNonNull(incoming, "incoming is null");
        Objects.requireNonNull(asOf, "asOf is null");
        checkSnapshot(incoming);
        return incoming
                .withColumn(VALID_FROM, lit(asOf))
                .withColumn(VALID_TO, lit(null).cast(DataTypes.TimestampType))
                .withColumn(IS_CURRENT, lit(true));
    }

    /**
     * The new dimension after applying a full snapshot at {@code asOf}. A {@code current} without
     * columns (for example {@code spark.emptyDataFrame()}) is a first load; an empty one with the
     * dimension's columns works too.
     */
    public Dataset<Row> changes(Dataset<Row> current, Dataset<Row> incoming, Timestamp asOf) {
        Objects.requireNonNull(current, "current is null");
        Objects.requireNonNull(incoming, "incoming is null");
        Objects.requireNonNull(asOf, "asOf is null");
        if (current.columns().length == 0) {
            return initial(incoming, asOf);
        }
        checkSnapshot(incoming);
        checkCurrent(current);

        StructType currentSchema = current.schema();
        StructType incomingSchema = incoming.schema();
        List<String> business = new ArrayList<>();
        for (String column : current.columns()) {
            if (find(VERSION_COLUMNS, column).isEmpty()) {
                business.add(column);
            }
        }
        for (String column : incoming.columns()) {
            if (find(business, column).isEmpty()) {
                business.add(column);
            }
        }
        List<String> output = new ArrayList<>(business);
        output.addAll(VERSION_COLUMNS);

        // both sides get every business column, null where a side does not have it
        Dataset<Row> aligned = current.select(aligned(business, currentSchema, incomingSchema, VERSION_COLUMNS));
        Dataset<Row> history = aligned.where(not(col(IS_CURRENT).eqNullSafe(lit(true))));
        Dataset<Row> open = aligned.where(col(IS_CURRENT).eqNullSafe(lit(true)))
                .withColumn(IN_CURRENT, lit(true)).alias("c");
        Dataset<Row> snapshot = incoming.select(aligned(business, incomingSchema, currentSchema, List.of()))
                .withColumn(IN_SNAPSHOT, lit(true)).alias("n");

        Column sameKey = keys.stream().map(k -> column("c", k).eqNullSafe(column("n", k)))
                .reduce(Column::and).orElseThrow();
        Column changed = not(trackedColumns.stream().map(c -> column("c", c).eqNullSafe(column("n", c)))
                .reduce(Column::and).orElse(lit(true)));
        Column inCurrent = col("c." + IN_CURRENT).isNotNull();
        Column inSnapshot = col("n." + IN_SNAPSHOT).isNotNull();
        Column close = inCurrent.and(inSnapshot.and(changed).or(not(inSnapshot).and(lit(closeMissing))));
        Column openNew = inSnapshot.and(not(inCurrent).or(changed));

        // one pass over the join: each key yields its current version (kept or closed) and/or a new one
        List<Column> currentVersion = new ArrayList<>();
        List<Column> newVersion = new ArrayList<>();
        for (String column : business) {
            currentVersion.add(column("c", column).as(column));
            newVersion.add(column("n", column).as(column));
        }
        currentVersion.add(col("c." + VALID_FROM).as(VALID_FROM));
        currentVersion.add(when(close, lit(asOf)).otherwise(col("c." + VALID_TO)).as(VALID_TO));
        currentVersion.add(when(close, lit(false)).otherwise(col("c." + IS_CURRENT)).as(IS_CURRENT));
        newVersion.add(lit(asOf).as(VALID_FROM));
        newVersion.add(lit(null).cast(DataTypes.TimestampType).as(VALID_TO));
        newVersion.add(lit(true).as(IS_CURRENT));

        Column versions = array_compact(array(
                when(inCurrent, struct(currentVersion.toArray(Column[]::new))),
                when(openNew, struct(newVersion.toArray(Column[]::new)))));
        Dataset<Row> touched = open.join(snapshot, sameKey, "full_outer")
                .select(explode(versions).as(VERSION))
                .select(VERSION + ".*");

        Column[] ordered = output.stream().map(c -> column(null, c)).toArray(Column[]::new);
        return history.select(ordered).unionByName(touched.select(ordered));
    }

    /** Every business column (null typed after {@code other} where {@code schema} lacks it), then extras. */
    private static Column[] aligned(List<String> business, StructType schema, StructType other, List<String> extras) {
        List<Column> columns = new ArrayList<>();
        for (String column : business) {
            Optional<StructField> field = field(schema, column);
            if (field.isPresent()) {
                columns.add(column(null, field.get().name()).as(column));
            } else {
                DataType type = field(other, column).orElseThrow().dataType();
                columns.add(lit(null).cast(type).as(column));
            }
        }
        for (String extra : extras) {
            columns.add(col(extra));
        }
        return columns.toArray(Column[]::new);
    }

    private void checkSnapshot(Dataset<Row> incoming) {
        List<String> columns = Arrays.asList(incoming.columns());
        for (String reserved : List.of(VALID_FROM, VALID_TO, IS_CURRENT, IN_CURRENT, IN_SNAPSHOT, VERSION)) {
            if (find(columns, reserved).isPresent()) {
                throw new IllegalArgumentException("the snapshot cannot have a column named '" + reserved
                        + "', which the dimension keeps itself; columns: " + columns);
            }
        }
        requireColumns("the snapshot", columns, keys, "key");
        requireColumns("the snapshot", columns, trackedColumns, "tracked column");
    }

    private void checkCurrent(Dataset<Row> current) {
        List<String> columns = Arrays.asList(current.columns());
        requireColumns("the current dimension", columns, VERSION_COLUMNS, "column");
        requireColumns("the current dimension", columns, keys, "key");
    }

    private static void requireColumns(String what, List<String> columns, List<String> required, String kind) {
        for (String name : required) {
            if (find(columns, name).isEmpty()) {
                throw new IllegalArgumentException(what + " has no " + kind + " '" + name + "'; columns: " + columns);
            }
        }
    }

    /** A column by name, quoted so that dots and other characters in it are taken literally. */
    private static Column column(String qualifier, String name) {
        String quoted = "`" + name.replace("`", "``") + "`";
        return col(qualifier == null ? quoted : qualifier + "." + quoted);
    }

    /** Spark resolves names without regard to case by default; so does this. */
    private static Optional<String> find(List<String> columns, String name) {
        return columns.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
    }

    private static Optional<StructField> field(StructType schema, String name) {
        return Arrays.stream(schema.fields()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }
}
