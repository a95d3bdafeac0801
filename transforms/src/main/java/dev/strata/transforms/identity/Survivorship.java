package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Golden records from linked records: one row per {@code customer_id}, each attribute taken from the
 * record a survivorship rule prefers, with the source it came from.
 * <p>
 * A null value, or a string that is empty or blank (only whitespace), never survives; a customer with no
 * usable value of an attribute gets null for it and for its source. Among usable values:
 * <ul>
 * <li>{@link Rule#MOST_RECENT}: the value of the record with the latest {@code seen_at};</li>
 * <li>{@link Rule#MOST_FREQUENT}: the value most records hold; among equally frequent values, the one
 *     whose latest record is the most recent;</li>
 * <li>{@link Rule#SOURCE_PRIORITY}: the value of the best-ranked source (sources not in the list rank
 *     after every listed one, all alike), then the most recent;</li>
 * <li>{@link Rule#LONGEST}: the longest value (the length of its cast to string), then the most recent.</li>
 * </ul>
 * A record with a null {@code seen_at} is older than every dated one. Every tie left after that goes to
 * the source whose name sorts first (a null source last), then to the value whose string form sorts
 * first, so the result never depends on partitioning or row order. The reported source is the source of
 * the record the value was taken from (for MOST_FREQUENT, the most recent record holding it).
 * <p>
 * One {@code groupBy} on {@code customer_id} computes every attribute (a {@code min_by} over a struct
 * ordering key per attribute). MOST_FREQUENT counts each value's records with a window partitioned by
 * customer and value; the records are then hash-partitioned by {@code customer_id} once so the windows
 * and the aggregation share a single shuffle.
 */
public final class Survivorship {

    /** How the surviving value of an attribute is chosen. */
    public enum Rule { MOST_RECENT, MOST_FREQUENT, SOURCE_PRIORITY, LONGEST }

    /** The input columns every record needs besides the attributes. */
    public static final List<String> REQUIRED = List.of("customer_id", "source", "seen_at");

    /**
     * One attribute of the golden record.
     *
     * @param column the attribute column, of any type; the output keeps its name and type and adds
     *     {@code <column>_source}
     * @param rule how the surviving value is chosen
     * @param sourcePriority only for {@link Rule#SOURCE_PRIORITY}, and not empty then: source names, best
     *     first; empty (or null) for every other rule
     */
    public record Attribute(String column, Rule rule, List<String> sourcePriority) {

        public Attribute {
            Objects.requireNonNull(column, "column is null");
            Objects.requireNonNull(rule, "rule is null");
            if (column.isBlank()) {
                throw new IllegalArgumentException("column must be a column name, cannot be blank");
            }
            if (REQUIRED.stream().anyMatch(column::equalsIgnoreCase)) {
                throw new IllegalArgumentException("column must be an attribute column, cannot be one of the "
                        + "record columns " + REQUIRED + ": " + column);
            }
            sourcePriority = sourcePriority == null ? List.of() : List.copyOf(sourcePriority); // no nulls
            if (rule == Rule.SOURCE_PRIORITY) {
                if (sourcePriority.isEmpty()) {
                    throw new IllegalArgumentException("sourcePriority of " + column + " must name at least one "
                            + "source, best first, for rule SOURCE_PRIORITY");
                }
                if (new HashSet<>(sourcePriority).size() != sourcePriority.size()) {
                    throw new IllegalArgumentException("sourcePriority of " + column + " must name each source "
                            + "once, cannot be: " + sourcePriority);
                }
            } else if (!sourcePriority.isEmpty()) {
                throw new IllegalArgumentException("sourcePriority of " + column + " is only for rule "
                        + "SOURCE_PRIORITY, must be empty for rule " + rule + ", cannot be: " + sourcePriority);
            }
        }

        /** An attribute whose rule needs no source list. */
        public Attribute(String column, Rule rule) {
            this(column, rule, List.of());
        }
    }

    private static final String PREFIX = "__strata_survivor_";

    private final List<Attribute> attributes;

    /** @param attributes the golden record's attributes, in output order; not empty, columns distinct */
    public Survivorship(List<Attribute> attributes) {
        this.attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes is null"));
        if (this.attributes.isEmpty()) {
            throw new IllegalArgumentException("attributes must name at least one attribute, cannot be empty");
        }
        // Spark resolves names case-insensitively by default; outputs must not collide either
        Set<String> outputs = new HashSet<>();
        outputs.add("customer_id");
        for (Attribute a : this.attributes) {
            for (String out : List.of(a.column(), a.column() + "_source")) {
                if (!outputs.add(out.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("attribute columns must be distinct and must not collide "
                            + "with another attribute's _source column, cannot repeat: " + out);
                }
            }
        }
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * @param records columns {@code customer_id} (long), {@code source} (string), {@code seen_at}
     *     (timestamp or date) and every attribute column (any type)
     * @return one row per {@code customer_id}: {@code customer_id}, then per attribute in declared order the
     *     attribute column (type kept) and {@code <column>_source} (string)
     */
    public Dataset<Row> golden(Dataset<Row> records) {
        Objects.requireNonNull(records, "records is null");
        StructType schema = records.schema();
        checkColumns(schema);
        DataType seenType = field(schema, "seen_at").dataType();
        if (!(seenType.equals(DataTypes.TimestampType) || seenType.equals(DataTypes.DateType)
                || seenType.equals(DataTypes.TimestampNTZType))) {
            throw new IllegalArgumentException("seen_at must be a timestamp or a date, cannot be: "
                    + seenType.simpleString());
        }

        // newer first: the negated micros, null (undated) after every dated record
        Column age = coalesce(unix_micros(col("seen_at").cast(DataTypes.TimestampType)).multiply(-1),
                lit(Long.MAX_VALUE));
        Dataset<Row> prepared = records;
        if (attributes.stream().anyMatch(a -> a.rule() == Rule.MOST_FREQUENT)) {
            // the windows' clustering (customer_id, value) and the groupBy are all satisfied by this one
            prepared = prepared.repartition(col("customer_id"));
        }
        List<Column> picks = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            DataType type = field(schema, a.column()).dataType();
            Column value = quoted(a.column());
            Column text = value.cast(DataTypes.StringType);
            Column usable = value.isNotNull();
            if (type.equals(DataTypes.StringType)) {
                usable = usable.and(value.rlike("\\S"));
            }
            List<Column> key = new ArrayList<>();
            switch (a.rule()) {
                case MOST_RECENT -> { }
                case MOST_FREQUENT -> {
                    String frequency = PREFIX + "count_" + i;
                    prepared = prepared.withColumn(frequency, count(when(usable, lit(1)))
                            .over(Window.partitionBy(col("customer_id"), text)));
                    key.add(col(frequency).multiply(-1));
                }
                case SOURCE_PRIORITY -> key.add(rank(a.sourcePriority()));
                case LONGEST -> key.add(length(text).multiply(-1));
            }
            key.add(age);
            key.add(col("source").isNull());
            key.add(col("source"));
            key.add(text);
            String keyColumn = PREFIX + "key_" + i;
            String pickColumn = PREFIX + "pick_" + i;
            // struct fields are named so the ordering key is a plain column; a null key never wins min_by
            prepared = prepared.withColumn(keyColumn, when(usable, struct(named(key))));
            prepared = prepared.withColumn(pickColumn, struct(value.as("v"), col("source").as("s")));
            picks.add(min_by(col(pickColumn), col(keyColumn)).as(pickColumn));
        }
        Dataset<Row> grouped = prepared.groupBy(col("customer_id"))
                .agg(picks.get(0), picks.subList(1, picks.size()).toArray(Column[]::new));
        List<Column> out = new ArrayList<>();
        out.add(col("customer_id"));
        for (int i = 0; i < attributes.size(); i++) {
            String column = attributes.get(i).column();
            out.add(col(PREFIX + "pick_" + i).getField("v").as(column));
            out.add(col(PREFIX + "pick_" + i).getField("s").cast(DataTypes.StringType).as(column + "_source"));
        }
        return grouped.select(out.toArray(Column[]::new));
    }

    private void checkColumns(StructType schema) {
        List<String> required = new ArrayList<>(REQUIRED);
        attributes.forEach(a -> required.add(a.column()));
        for (String name : required) {
            if (find(schema, name) == null) {
                throw new IllegalArgumentException("records must have the column " + name + "; required: "
                        + required + ", found: " + List.of(schema.fieldNames()));
            }
        }
    }

    /** 0 for the first listed source, 1 for the second..., the list's size for any other (or null) source. */
    private static Column rank(List<String> priority) {
        Column rank = lit(priority.size());
        for (int i = priority.size() - 1; i >= 0; i--) {
            rank = when(col("source").equalTo(priority.get(i)), lit(i)).otherwise(rank);
        }
        return rank;
    }

    private static Column[] named(List<Column> key) {
        Column[] out = new Column[key.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = key.get(i).as("k" + i);
        }
        return out;
    }

    private static Column quoted(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    private static StructField field(StructType schema, String name) {
        return Objects.requireNonNull(find(schema, name), name);
    }

    private static StructField find(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        for (StructField f : schema.fields()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}
