package dev.strata.transforms;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for all tests of a JVM: two cores, no UI, UTC, loopback only. */
public final class SparkTestSession {

    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("strata-tests")
                    .config("spark.ui.enabled", "false")
                    // no UI shows the plans: describe them plainly, as the engine's local sessions do
                    .config("spark.sql.ui.explainMode", "simple")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }
}
