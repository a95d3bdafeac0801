package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import dev.strata.transforms.spark.Checkpoints;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Persistent ids for clusters that change from run to run. Ids are longs handed out in increasing order,
 * so a smaller id is an older one, and an id is never handed out twice.
 *
 * <p>Given this run's clusters ({@code record_id, cluster_id}) and the ids the records had before
 * ({@code record_id, customer_id}):
 * <ul>
 * <li>each old id belongs to the cluster that holds most of its records (ties: the cluster with the
 * smallest {@code cluster_id});</li>
 * <li>a cluster that owns old ids keeps the oldest; the others are <em>merged</em> into it;</li>
 * <li>a cluster that owns none gets a new id, in the order of {@code cluster_id}, from {@code nextId} on:
 * <em>created</em> when none of its records had an id, <em>split</em> from the old id most of its
 * records had otherwise;</li>
 * <li>an old id none of whose records is left is <em>retired</em>.</li>
 * </ul>
 * The same clusters and the same old ids always give the same result; nothing is collected to the driver.
 */
public final class StableIds {

    /** The history events, as written to the {@code event} column. */
    public static final String CREATED = "created";
    public static final String MERGED = "merged";
    public static final String SPLIT = "split";
    public static final String RETIRED = "retired";

    /** The schema of {@link Assignment#events}. */
    public static final StructType EVENTS = new StructType().add("customer_id", DataTypes.LongType, false)
            .add("event", DataTypes.StringType, false).add("related_id", DataTypes.LongType, true)
            .add("records", DataTypes.LongType, false);

    /**
     * @param xref every record with its id: {@code record_id, customer_id}
     * @param events what changed: {@code customer_id, event, related_id, records} (for merged: the id it was
     *     merged into; for split: the id it split from; records: how many records the id now has, or had)
     */
    public record Assignment(Dataset<Row> xref, Dataset<Row> events) {
    }

    private final SparkSession spark;

    public StableIds(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
    }

    /**
     * @param clusters {@code record_id, cluster_id} for every record of this run
     * @param previous {@code record_id, customer_id} from the runs before (empty on the first run)
     * @param nextId the first id never handed out (one more than the largest id ever used)
     */
    public Assignment assign(Dataset<Row> clusters, Dataset<Row> previous, long nextId) {
        Objects.requireNonNull(clusters, "clusters is null");
        Objects.requireNonNull(previous, "previous is null");
        if (nextId < 1) {
            throw new IllegalArgumentException("nextId must be at least 1, cannot be: " + nextId);
        }
        Dataset<Row> old = previous.select(col("record_id").as("old_record"), col("customer_id").as("old_id"));
        Dataset<Row> joined = clusters.select(col("record_id"), col("cluster_id"))
                .join(old, col("record_id").equalTo(col("old_record")), "left").drop("old_record")
                .transform(Checkpoints.CUT);

        // each old id goes to the cluster with most of its records, ties to the smallest cluster id
        Dataset<Row> shares = joined.where(col("old_id").isNotNull()).groupBy(col("old_id"), col("cluster_id"))
                .agg(count(lit(1)).as("n"));
        Dataset<Row> owner = shares.groupBy(col("old_id"))
                .agg(max_by(col("cluster_id"), struct(col("n"), col("cluster_id").multiply(-1))).as("cluster_id"));
        Dataset<Row> survivors = owner.groupBy(col("cluster_id")).agg(min(col("old_id")).as("survivor"));

        // clusters without a surviving id: new ids in cluster_id order, handed out without a global sort
        Dataset<Row> orphans = joined.select(col("cluster_id")).distinct()
                .join(survivors, "cluster_id", "left_anti");
        Dataset<Row> numbered = numbered(orphans, nextId);
        Dataset<Row> clusterIds = survivors.select(col("cluster_id"), col("survivor").as("customer_id"))
                .union(numbered.select(col("cluster_id"), col("customer_id"))).transform(Checkpoints.CUT);

        Dataset<Row> xref = joined.join(clusterIds, "cluster_id").select(col("record_id"), col("customer_id"));
        Dataset<Row> sizes = xref.groupBy(col("customer_id")).agg(count(lit(1)).as("records"));

        // the old id most of a new cluster's records had: what it split from
        Dataset<Row> splitFrom = shares.groupBy(col("cluster_id"))
                .agg(max_by(col("old_id"), struct(col("n"), col("old_id").multiply(-1))).as("from_id"));
        Dataset<Row> born = numbered.join(splitFrom, "cluster_id", "left").join(sizes, "customer_id")
                .select(col("customer_id"), col("from_id").as("related_id"), col("records"));
        Dataset<Row> createdOrSplit = born.select(col("customer_id"),
                org.apache.spark.sql.functions.when(col("related_id").isNull(), lit(CREATED)).otherwise(lit(SPLIT))
                        .as("event"), col("related_id"), col("records"));

        Dataset<Row> oldSizes = previous.groupBy(col("customer_id").as("old_id")).agg(count(lit(1)).as("records"));
        Dataset<Row> merged = owner.join(survivors, "cluster_id").where(col("old_id").notEqual(col("survivor")))
                .join(oldSizes, "old_id")
                .select(col("old_id").as("customer_id"), lit(MERGED).as("event"), col("survivor").as("related_id"),
                        col("records"));
        Dataset<Row> retired = oldSizes.join(owner, "old_id", "left_anti")
                .select(col("old_id").as("customer_id"), lit(RETIRED).as("event"),
                        lit(null).cast(DataTypes.LongType).as("related_id"), col("records"));
        Dataset<Row> events = createdOrSplit.union(merged).union(retired);
        return new Assignment(xref, spark.createDataFrame(events.rdd(), EVENTS));
    }

    /**
     * Consecutive ids from {@code first} in the order of {@code cluster_id}: a range partitioning keeps the
     * ids in order across partitions, and each partition's offset comes from the counts of those before it.
     */
    private Dataset<Row> numbered(Dataset<Row> orphans, long first) {
        Dataset<Row> sorted = orphans.repartitionByRange(col("cluster_id")).sortWithinPartitions(col("cluster_id"));
        Dataset<Row> indexed = sorted.withColumn("part", org.apache.spark.sql.functions.spark_partition_id())
                .withColumn("pos", org.apache.spark.sql.functions.row_number().over(
                        org.apache.spark.sql.expressions.Window.partitionBy(col("part")).orderBy(col("cluster_id"))))
                .transform(Checkpoints.CUT);
        Dataset<Row> perPart = indexed.groupBy(col("part")).agg(count(lit(1)).as("n"), min(col("cluster_id")).as("lo"));
        Column before = org.apache.spark.sql.functions.sum(col("n")).over(
                org.apache.spark.sql.expressions.Window.orderBy(col("lo"))
                        .rowsBetween(org.apache.spark.sql.expressions.Window.unboundedPreceding(), -1));
        Dataset<Row> offsets = perPart.select(col("part"), coalesce(before, lit(0L)).as("offset"));
        return indexed.join(org.apache.spark.sql.functions.broadcast(offsets), "part")
                .select(col("cluster_id"), col("offset").plus(col("pos")).plus(lit(first - 1)).as("customer_id"));
    }
}
