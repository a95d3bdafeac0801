package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The pairs worth comparing: records that agree on every column of at least one blocking rule. Each
 * rule is a self-join on its columns (missing values never block together); the passes are united and
 * a pair found by several rules is kept once, under the first rule that found it, so no pair is compared
 * twice. A block larger than {@code maxBlockSize} (a shared junk value, a common surname alone) is not
 * expanded: its pairs would swamp the rest; {@link #oversizedBlocks} reports them.
 *
 * <p>Records need a {@code long} column {@code record_id}; pairs come out as {@code id_l < id_r} with the
 * index of the rule that found them ({@code rule}).
 */
public final class CandidatePairs {

    private final List<List<String>> rules;
    private final long maxBlockSize;
    private final String source;

    public CandidatePairs(List<List<String>> rules, long maxBlockSize) {
        this(rules, maxBlockSize, null);
    }

    /**
     * @param source a column naming the data set a record comes from, to pair only records of different data
     *     sets (linkage), or null to pair any two records (deduplication)
     */
    public CandidatePairs(List<List<String>> rules, long maxBlockSize, String source) {
        Objects.requireNonNull(rules, "rules is null");
        if (rules.isEmpty() || rules.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("give at least one blocking rule, each with at least one column, "
                    + "cannot be: " + rules);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2, cannot be: " + maxBlockSize);
        }
        this.rules = rules.stream().map(List::copyOf).toList();
        this.maxBlockSize = maxBlockSize;
        this.source = source;
    }

    public Dataset<Row> pairs(Dataset<Row> records) {
        return pairs(records, Optional.empty());
    }

    /**
     * The pairs, or with {@code newFlag} (a boolean column) only those with at least one new record: new
     * records against the records already resolved and against each other, never two old records.
     */
    public Dataset<Row> pairs(Dataset<Row> records, Optional<String> newFlag) {
        Dataset<Row> all = null;
        for (int r = 0; r < rules.size(); r++) {
            List<String> columns = rules.get(r);
            Dataset<Row> keyed = blockable(records, columns);
            List<String> carried = source == null ? columns
                    : java.util.stream.Stream.concat(columns.stream(), java.util.stream.Stream.of(source)).toList();
            Dataset<Row> found;
            if (newFlag.isEmpty()) {
                Dataset<Row> left = keyed.select(keys(carried, "l", col("record_id").as("id_l")));
                Dataset<Row> right = keyed.select(keys(carried, "r", col("record_id").as("id_r")));
                found = left.join(right, matching(columns, across(col("id_l").lt(col("id_r")))))
                        .select(col("id_l"), col("id_r"), lit(r).as("rule"));
            } else {
                Column isNew = col(newFlag.get());
                Dataset<Row> left = keyed.where(isNew).select(keys(carried, "l", col("record_id").as("a")));
                Dataset<Row> right = keyed.select(keys(carried, "r", col("record_id").as("b"), isNew.as("b_new")));
                // a new record meets every old one once, and each other new one once (from the smaller id)
                Column once = col("b_new").and(col("a").lt(col("b"))).or(org.apache.spark.sql.functions.not(col("b_new")));
                found = left.join(right, matching(columns, across(once)))
                        .select(least(col("a"), col("b")).as("id_l"), greatest(col("a"), col("b")).as("id_r"),
                                lit(r).as("rule"));
            }
            all = all == null ? found : all.union(found);
        }
        return all.groupBy(col("id_l"), col("id_r")).agg(min(col("rule")).as("rule"));
    }

    /** The condition, and for linkage that the two records come from different data sets. */
    private Column across(Column condition) {
        return source == null ? condition : condition.and(col("l_" + source).notEqual(col("r_" + source)));
    }

    private static Column matching(List<String> columns, Column condition) {
        Column on = condition;
        for (String c : columns) {
            on = on.and(col("l_" + c).equalTo(col("r_" + c)));
        }
        return on;
    }

    /** Per rule, the blocks above the size limit: rule, the block's values, and its size. */
    public Dataset<Row> oversizedBlocks(Dataset<Row> records) {
        Dataset<Row> all = null;
        for (int r = 0; r < rules.size(); r++) {
            List<String> columns = rules.get(r);
            Dataset<Row> blocks = records.where(notNull(columns))
                    .groupBy(columns.stream().map(c -> col(c)).toArray(Column[]::new)).agg(count(lit(1)).as("size"))
                    .where(col("size").gt(maxBlockSize))
                    .select(lit(r).as("rule"), org.apache.spark.sql.functions.concat_ws("|",
                            columns.stream().map(c -> col(c).cast("string")).toArray(Column[]::new)).as("block"),
                            col("size"));
            all = all == null ? blocks : all.union(blocks);
        }
        return all;
    }

    private Dataset<Row> blockable(Dataset<Row> records, List<String> columns) {
        Dataset<Row> present = records.where(notNull(columns));
        Dataset<Row> small = present.groupBy(columns.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(count(lit(1)).as("block_size")).where(col("block_size").leq(maxBlockSize)).drop("block_size");
        return present.join(small, scala.collection.JavaConverters.asScalaBuffer(columns).toSeq());
    }

    private static Column notNull(List<String> columns) {
        Column condition = lit(true);
        for (String c : columns) {
            condition = condition.and(col(c).isNotNull());
        }
        return condition;
    }

    private static Column[] keys(List<String> columns, String side, Column... ids) {
        List<Column> out = new ArrayList<>(List.of(ids));
        for (String c : columns) {
            out.add(col(c).as(side + "_" + c));
        }
        return out.toArray(Column[]::new);
    }
}
