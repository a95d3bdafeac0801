package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.IdentitySpec;
import dev.strata.etl.spec.IdentitySpec.RecordSource;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.transforms.identity.LinkageEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores the last run's customer ids against a ground-truth column of the clean tables (records whose truth
 * is missing, and sources without the column, are left out): pairwise precision, recall and F1 over every
 * pair of records, and B-cubed scores per record.
 */
public final class TruthEvaluation {

    private final SparkSession spark;
    private final Lake lake;
    private final DeltaTables delta;

    public TruthEvaluation(SparkSession spark, Lake lake) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.delta = new DeltaTables(spark);
    }

    public LinkageEvaluation.Scores evaluate(PipelineSpec pipeline, String truthColumn) {
        IdentitySpec identity = pipeline.identity().orElseThrow(() -> new UserError("pipeline " + pipeline.name()
                + " has no identity: section"));
        String xrefPath = lake.curatedTable(identity.table("xref"));
        if (!delta.exists(xrefPath)) {
            throw new UserError("no identity run on this lake yet (curated." + identity.table("xref")
                    + " is missing): run strata identity run first");
        }
        IdentityRecords names = new IdentityRecords(spark, lake);
        List<Dataset<Row>> truths = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (RecordSource source : identity.records()) {
            String path = lake.cleanTable(names.cleanTable(pipeline, source.source()));
            if (!delta.exists(path)) {
                continue;
            }
            Dataset<Row> table = delta.read(path);
            if (!List.of(table.columns()).contains(truthColumn)) {
                without.add(source.source());
                continue;
            }
            truths.add(table.where(col(truthColumn).isNotNull()).select(IdentityRecords.recordId(lit(source.source()),
                    col(source.key()).cast("string")).as("record_id"), col(truthColumn).cast("string").as("truth")));
        }
        if (truths.isEmpty()) {
            throw new UserError("no clean table of " + identity.records().stream().map(RecordSource::source).toList()
                    + " has a column '" + truthColumn + "'");
        }
        Dataset<Row> truth = truths.stream().reduce(Dataset::union).orElseThrow();
        Dataset<Row> assignments = delta.read(xrefPath).join(truth, "record_id")
                .select(col("customer_id").as("cluster"), col("truth"));
        return new LinkageEvaluation().score(assignments);
    }
}
