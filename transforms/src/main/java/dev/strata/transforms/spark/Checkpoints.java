package dev.strata.transforms.spark;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.runtime.AbstractFunction1;

/**
 * Where a long plan is cut (iterations of connected components, the phases of identity resolution): a local
 * checkpoint on one machine, where it is fastest, and a reliable checkpoint to the context's checkpoint
 * folder (the lake, or a configured folder) on a cluster, where a local checkpoint is lost with the executor
 * that held it and fails the job. {@link #RELIABLE} chooses; {@code --env aws} turns it on.
 */
public final class Checkpoints {

    /** Session setting: {@code true} for reliable checkpoints to the context's checkpoint folder. */
    public static final String RELIABLE = "spark.strata.checkpoint.reliable";

    /** {@link #cut} as a function, for {@code dataset.transform(Checkpoints.CUT)}. */
    public static final AbstractFunction1<Dataset<Row>, Dataset<Row>> CUT = new Cut();

    private Checkpoints() {
    }

    /** The data, computed now and with its lineage cut, checkpointed as the session's setting says. */
    public static Dataset<Row> cut(Dataset<Row> data) {
        SparkSession spark = data.sparkSession();
        if (Boolean.parseBoolean(spark.conf().get(RELIABLE, "false"))) {
            if (spark.sparkContext().getCheckpointDir().isEmpty()) {
                throw new IllegalStateException(RELIABLE + " is true but the Spark context has no checkpoint folder");
            }
            return data.checkpoint(true);
        }
        return data.localCheckpoint(true);
    }

    private static final class Cut extends AbstractFunction1<Dataset<Row>, Dataset<Row>> implements Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public Dataset<Row> apply(Dataset<Row> data) {
            return cut(data);
        }
    }
}
