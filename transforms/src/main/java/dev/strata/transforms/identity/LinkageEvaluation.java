package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores clusters against a ground truth: pairwise precision, recall and F1 (a pair of records is
 * predicted when they share a cluster, true when they share a truth id) and B-cubed precision and recall
 * (per record, the share of its cluster that is truly its entity, and the share of its entity that is in
 * its cluster). Computed by aggregation: nothing grows on the driver.
 */
public final class LinkageEvaluation {

    /** The scores, and the pair counts they come from. */
    public record Scores(long truePairs, long predictedPairs, long correctPairs, double precision, double recall,
            double f1, double bcubedPrecision, double bcubedRecall) {

        public double bcubedF1() {
            return bcubedPrecision + bcubedRecall == 0 ? 0
                    : 2 * bcubedPrecision * bcubedRecall / (bcubedPrecision + bcubedRecall);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "pairwise precision %.4f recall %.4f F1 %.4f "
                    + "(true pairs %,d, predicted %,d, correct %,d); B-cubed precision %.4f recall %.4f F1 %.4f",
                    precision, recall, f1, truePairs, predictedPairs, correctPairs, bcubedPrecision, bcubedRecall,
                    bcubedF1());
        }
    }

    /**
     * @param assignments one row per record with columns {@code cluster} and {@code truth} (any types)
     */
    public Scores score(Dataset<Row> assignments) {
        Objects.requireNonNull(assignments, "assignments is null");
        Dataset<Row> cells = assignments.groupBy(col("cluster"), col("truth")).agg(count(lit(1)).as("n"));
        Dataset<Row> clusters = assignments.groupBy(col("cluster")).agg(count(lit(1)).as("c"));
        Dataset<Row> truths = assignments.groupBy(col("truth")).agg(count(lit(1)).as("t"));
        long correct = pairs(cells, "n");
        long predicted = pairs(clusters, "c");
        long trueCount = pairs(truths, "t");
        Row bcubed = cells.join(clusters, "cluster").join(truths, "truth")
                .agg(sum(col("n").multiply(col("n")).divide(col("c"))).as("p"),
                        sum(col("n").multiply(col("n")).divide(col("t"))).as("r"), sum(col("n")).as("records"))
                .first();
        double records = bcubed.isNullAt(2) ? 0 : bcubed.getLong(2);
        double precision = predicted == 0 ? 1 : (double) correct / predicted;
        double recall = trueCount == 0 ? 1 : (double) correct / trueCount;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(trueCount, predicted, correct, precision, recall, f1,
                records == 0 ? 1 : bcubed.getDouble(0) / records, records == 0 ? 1 : bcubed.getDouble(1) / records);
    }

    private static long pairs(Dataset<Row> groups, String size) {
        Row row = groups.agg(sum(col(size).multiply(col(size).minus(1)).divide(2)).cast("long")).first();
        return row.isNullAt(0) ? 0 : row.getLong(0);
    }
}
