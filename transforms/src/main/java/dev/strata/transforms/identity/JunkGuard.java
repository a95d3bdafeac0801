package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.strata.transforms.spark.Checkpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The guard phase: a value of a guarded identifier that more than {@link ResolutionPlan#maxRecordsPerIdentifier}
 * records share (a test address, a dummy phone number) is junk, treated as missing in links, blocks and
 * comparisons, and reported.
 */
final class JunkGuard {

    /** The records with junk values made null, and the junk found: {@code identifier, value, records}. */
    record Guarded(Dataset<Row> records, List<Dataset<Row>> junk) {
    }

    private final ResolutionPlan plan;

    JunkGuard(ResolutionPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan is null");
    }

    Guarded apply(Dataset<Row> input) {
        List<Dataset<Row>> junk = new ArrayList<>();
        Dataset<Row> records = input;
        for (String column : plan.guarded()) {
            Dataset<Row> shared = records.where(col(column).isNotNull()).groupBy(col(column))
                    .agg(count(lit(1)).as("records")).where(col("records").gt(plan.maxRecordsPerIdentifier()))
                    .transform(Checkpoints.CUT);
            junk.add(shared.select(lit(column).as("identifier"), col(column).cast("string").as("value"),
                    col("records")));
            Dataset<Row> marked = shared.select(col(column).as("junk_value"), lit(true).as("junk_flag"));
            records = records.join(broadcast(marked), records.col(column).equalTo(marked.col("junk_value")), "left")
                    .withColumn(column, when(col("junk_flag"), lit(null)
                            .cast(records.schema().apply(column).dataType())).otherwise(col(column)))
                    .drop("junk_value", "junk_flag");
        }
        return new Guarded(records, junk);
    }
}
