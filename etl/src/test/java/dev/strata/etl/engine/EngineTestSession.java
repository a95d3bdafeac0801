package dev.strata.etl.engine;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** One Delta-enabled local session per test JVM, made the way the CLI makes it. */
public final class EngineTestSession {

    private static SparkSession session;

    private EngineTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = Sessions.create("strata-etl-tests", Sessions.Environment.LOCAL, Map.of(
                    "spark.master", "local[2]",
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2"));
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }
}
